// The NaraLocalizationTests target's tests live beside this file.

// The NaraLoaderTests target's tests live beside this file.

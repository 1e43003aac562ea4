// The NaraLayoutTests target's tests live beside this file.

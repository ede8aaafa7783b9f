//! JNI glue for `dev.ferric.compress.CompressNative`.

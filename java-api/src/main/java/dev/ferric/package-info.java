/**
 * ferric's status and shared types: {@link dev.ferric.Ferric} tells whether the native library is
 * loaded and why not; {@link dev.ferric.NativeResource} is the base of every object owning native memory.
 */
package dev.ferric;

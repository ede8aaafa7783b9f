/**
 * Not API: the native loader, platform detection and handle bookkeeping. Public only so ferric's
 * kernel packages can use it; may change in any release.
 */
package dev.ferric.internal;

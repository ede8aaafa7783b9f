package dev.ferric;

import java.util.Map;

/**
 * ferric's native memory and loader, for JMX consoles (JConsole, VisualVM) and exporters, registered as
 * {@value #OBJECT_NAME} in the platform MBean server when the native library first loads, if ferric was
 * loaded by the system class loader (an application's class path). A registered MBean keeps its class
 * loader reachable, so ferric loaded by another class loader (a web application, a plugin, which may
 * be redeployed) registers it only with {@code -Dferric.jmx=true}; {@code -Dferric.jmx=false} never
 * registers it. The figures are those of {@link Ferric#nativeStats()}, read when an attribute is read.
 */
public interface NativeMXBean {
    /** The name it is registered under (a second, relocated copy of ferric adds {@code ,package=<its root>}). */
    String OBJECT_NAME = "dev.ferric:type=Native";

    /** System property: {@code true} registers the MBean whatever loaded ferric, {@code false} never. */
    String ENABLED_PROPERTY = "ferric.jmx";

    /** @return {@link NativeStats#nativeBytes()} */
    long getNativeBytes();

    /** @return {@link NativeStats#peakNativeBytes()} */
    long getPeakNativeBytes();

    /** @return {@link NativeStats#nativeBytesByKernel()} */
    Map<String, Long> getNativeBytesByKernel();

    /** @return {@link NativeStats#peakNativeBytesByKernel()} */
    Map<String, Long> getPeakNativeBytesByKernel();

    /** @return {@link NativeStats#liveHandles()} */
    long getLiveHandles();

    /** @return {@link NativeStats#liveByKind()} */
    Map<String, Long> getLiveHandlesByKind();

    /** @return {@link NativeStats#freedByLeakNet()} */
    long getFreedByLeakNet();

    /** @return {@link NativeStats#leakedByKind()} */
    Map<String, Long> getLeakedByKind();

    /** @return the {@code -Dferric.leakDetection} level in force: {@code disabled}, {@code simple} or {@code paranoid} */
    String getLeakDetection();

    /** @return {@link Ferric#version()} */
    String getVersion();

    /** @return the platform classifier, e.g. {@code linux-x86_64} */
    String getPlatform();

    /** @return the loader's report, as {@code ferric doctor} summarises it: where the library came from, its checksum, each attempt */
    String getLoadReport();
}

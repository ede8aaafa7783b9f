package dev.ferric.loader;

import dev.ferric.NativeMXBean;
import dev.ferric.internal.MonitoringRegistration;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import javax.management.ObjectName;

/**
 * Loads ferric, from the class path or (with the API and native jars as arguments) from a class loader
 * of its own as an application server would, and prints whether its MBean is registered.
 */
public final class MonitoringProbe {
    private MonitoringProbe() {}

    public static void main(String[] args) throws Exception {
        Object loaded;
        if (args.length == 0) {
            loaded = dev.ferric.Ferric.isAvailable();
        } else {
            URL[] jars = new URL[args.length];
            for (int i = 0; i < args.length; i++) jars[i] = Paths.get(args[i]).toUri().toURL();
            ClassLoader app = new URLClassLoader(jars, ClassLoader.getSystemClassLoader().getParent() /* the platform (Java 8: extension) loader */);
            loaded = Class.forName("dev.ferric.Ferric", true, app).getMethod("isAvailable").invoke(null);
            Class.forName("dev.ferric.internal.MonitoringRegistration", true, app).getMethod("await", long.class).invoke(null, 30_000L);
        }
        if (args.length == 0) MonitoringRegistration.await(30_000); // made on a thread of its own
        System.out.println("loaded=" + loaded);
        System.out.println("mbean=" + ManagementFactory.getPlatformMBeanServer().isRegistered(new ObjectName(NativeMXBean.OBJECT_NAME)));
    }
}

import java.lang.annotation.Annotation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs methods of a JMH benchmark class from the benchmarks jar in a plain loop and reports the CPU time of
 * the calling thread per operation (ThreadMXBean), for a machine too loaded for JMH's wall-clock scores:
 * time the scheduler gives to other processes is not counted, nor JIT and GC threads.
 *
 * <pre>java -cp benchmarks.jar:DIR CpuTimeRun CLASS PARAMS METHODS [warmupMs rounds roundMs]</pre>
 * CLASS: name relative to dev.ferric.bench (Blake3Bench, small.SmallBlake3Bench); PARAMS: {@code k=v,k=v} or {@code -}; METHODS: {@code m1,m2}.
 * The benchmark object (and any {@code @State} argument of a method) is created once, its {@code @Param}
 * fields set and its {@code @Setup} methods called; each method then warms up for warmupMs of wall time and
 * runs {@code rounds} rounds of at least roundMs of CPU time each. Prints the median and the minimum over the
 * rounds in ns per operation ({@code @OperationsPerInvocation} honoured).
 */
public final class CpuTimeRun {
    static Object sink;

    public static void main(String[] args) throws Throwable {
        Class<?> cls = Class.forName("dev.ferric.bench." + args[0]);  // e.g. Blake3Bench or small.SmallBlake3Bench
        Map<String, String> params = new LinkedHashMap<>();
        if (!args[1].equals("-")) {
            for (String kv : args[1].split(",")) {
                int eq = kv.indexOf('=');
                params.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        String[] methods = args[2].split(",");
        long warmupMs = args.length > 3 ? Long.parseLong(args[3]) : 1500;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 7;
        long roundNs = (args.length > 5 ? Long.parseLong(args[5]) : 200) * 1_000_000L;

        Object bench = newState(cls, params);
        Map<Class<?>, Object> states = new LinkedHashMap<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String name : methods) {
            Method m = find(cls, name);
            Object[] argv = new Object[m.getParameterCount()];
            for (int i = 0; i < argv.length; i++) {
                Class<?> t = m.getParameterTypes()[i];
                Object s = states.get(t);
                if (s == null) {
                    s = newState(t, params);
                    states.put(t, s);
                }
                argv[i] = s;
            }
            int opsPerCall = opsPerInvocation(m);
            long warmEnd = System.nanoTime() + warmupMs * 1_000_000L;
            while (System.nanoTime() < warmEnd) sink = m.invoke(bench, argv);
            double[] perOp = new double[rounds];
            long totalCalls = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = threads.getCurrentThreadCpuTime();
                long calls = 0;
                long t;
                do {
                    sink = m.invoke(bench, argv);
                    calls++;
                } while ((t = threads.getCurrentThreadCpuTime()) - t0 < roundNs);
                perOp[r] = (t - t0) / (double) (calls * opsPerCall);
                totalCalls += calls;
            }
            double[] sorted = perOp.clone();
            Arrays.sort(sorted);
            StringBuilder all = new StringBuilder();
            for (double p : perOp) all.append(all.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", p));
            System.out.println(String.format(Locale.ROOT, "%s.%s\t%s\tmedian=%.1f\tmin=%.1f\tns/op\t(%d rounds, %d calls; rounds: %s)",
                    cls.getSimpleName(), name, params.isEmpty() ? "-" : params.toString(), sorted[rounds / 2], sorted[0],
                    rounds, totalCalls, all));
        }
        for (Object s : states.values()) tearDown(s);
        tearDown(bench);
    }

    static Method find(Class<?> cls, String name) {
        for (Method m : cls.getMethods()) {
            if (m.getName().equals(name) && has(m.getAnnotations(), "org.openjdk.jmh.annotations.Benchmark")) return m;
        }
        throw new IllegalArgumentException("no @Benchmark method " + name + " in " + cls.getName());
    }

    static Object newState(Class<?> t, Map<String, String> params) throws Exception {
        if (t.getName().equals("org.openjdk.jmh.infra.Blackhole")) {  // JMH's sink, made the way JMH allows outside a run
            return t.getConstructor(String.class).newInstance(
                    "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        }
        java.lang.reflect.Constructor<?> c = t.getDeclaredConstructor();
        c.setAccessible(true);
        Object o = c.newInstance();
        List<String> used = new ArrayList<>();
        for (Field f : t.getDeclaredFields()) {
            if (!has(f.getAnnotations(), "org.openjdk.jmh.annotations.Param") || Modifier.isStatic(f.getModifiers())) continue;
            String v = params.get(f.getName());
            if (v == null) throw new IllegalArgumentException("no value given for @Param " + f.getName() + " of " + t.getName());
            f.setAccessible(true);
            Class<?> ft = f.getType();
            if (ft == int.class) f.setInt(o, Integer.parseInt(v));
            else if (ft == long.class) f.setLong(o, Long.parseLong(v));
            else if (ft == String.class) f.set(o, v);
            else throw new IllegalArgumentException("unsupported @Param type " + ft + " of " + f.getName());
            used.add(f.getName());
        }
        for (Method m : t.getDeclaredMethods()) {
            if (has(m.getAnnotations(), "org.openjdk.jmh.annotations.Setup")) {
                m.setAccessible(true);
                m.invoke(o);
            }
        }
        return o;
    }

    static void tearDown(Object o) throws Exception {
        for (Method m : o.getClass().getDeclaredMethods()) {
            if (has(m.getAnnotations(), "org.openjdk.jmh.annotations.TearDown")) {
                m.setAccessible(true);
                m.invoke(o);
            }
        }
    }

    static int opsPerInvocation(Method m) throws Exception {
        for (Annotation a : m.getAnnotations()) {
            if (a.annotationType().getName().equals("org.openjdk.jmh.annotations.OperationsPerInvocation")) {
                return (Integer) a.annotationType().getMethod("value").invoke(a);
            }
        }
        return 1;
    }

    static boolean has(Annotation[] as, String type) {
        for (Annotation a : as) if (a.annotationType().getName().equals(type)) return true;
        return false;
    }
}

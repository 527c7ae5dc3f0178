package dev.hinge.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the machine's CPU time goes during a step, from /proc: each service, all PostgreSQL processes, this program,
 * and the whole machine (busy = not idle or waiting for I/O). Linux only; elsewhere the figures are empty.
 */
final class Cpu {
    /** Clock ticks per second of /proc's counters (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    /** CPU seconds used per party, and the machine's busy and total CPU seconds, between two samples. */
    record Usage(Map<String, Double> seconds, double busySeconds, double totalSeconds) {
        double busyShare() {
            return totalSeconds <= 0 ? Double.NaN : busySeconds / totalSeconds;
        }
    }

    record Sample(Map<String, Long> ticks, long busy, long total) {
    }

    /** A sample now: {@code processes} names pids to follow; PostgreSQL and this program are added. */
    static Sample sample(Map<String, Long> processes) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        processes.forEach((name, pid) -> ticks.put(name, processTicks(pid)));
        ticks.put("PostgreSQL", postgresTicks());
        ticks.put("benchmark client", processTicks(ProcessHandle.current().pid()));
        long[] machine = machineTicks();
        return new Sample(ticks, machine[0], machine[1]);
    }

    static Usage between(Sample before, Sample after) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        after.ticks().forEach((name, ticks) -> {
            // a process absent from the first sample started in between: all its time counts
            long earlier = before.ticks().getOrDefault(name, 0L);
            if (ticks >= 0 && earlier >= 0) {
                seconds.put(name, (ticks - earlier) / TICKS);
            }
        });
        return new Usage(seconds, (after.busy() - before.busy()) / TICKS, (after.total() - before.total()) / TICKS);
    }

    /** utime + stime of one process (fields 14 and 15 of /proc/pid/stat), or -1. */
    static long processTicks(long pid) {
        try {
            return ticksOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long ticksOf(String stat) {
        // the command name (field 2) may hold spaces: count fields after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long postgresTicks() {
        long sum = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path proc : procs) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("postgres")) {
                        sum += ticksOf(stat);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return sum;
    }

    /** {busy, total} ticks of all CPUs from the first line of /proc/stat; idle and iowait count as not busy. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}

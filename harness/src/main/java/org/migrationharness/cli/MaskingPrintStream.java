package org.migrationharness.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.migrationharness.internal.Secrets;

/** A PrintStream that passes every string it prints through {@link Secrets#mask}: the CLI's stdout and stderr. */
final class MaskingPrintStream extends PrintStream {

    MaskingPrintStream(OutputStream target) {
        super(target, true, StandardCharsets.UTF_8);
    }

    static PrintStream wrap(PrintStream stream) {
        return stream instanceof MaskingPrintStream ? stream : new MaskingPrintStream(stream);
    }

    @Override
    public void print(String s) {
        super.print(Secrets.mask(s));
    }

    @Override
    public void print(Object obj) {
        print(String.valueOf(obj));
    }

    @Override
    public void println(String x) {
        synchronized (this) {
            print(x);
            println();
        }
    }

    @Override
    public void println(Object x) {
        println(String.valueOf(x));
    }
}

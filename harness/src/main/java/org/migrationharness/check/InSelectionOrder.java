package org.migrationharness.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.migrationharness.report.CheckResult;

/**
 * Passes the events of sets verified at the same time to one listener as if they had been verified one after another:
 * in selection order, one call at a time, a set's calls together. The events of the first set not finished (the head)
 * pass as they happen; those of a later set are held until every set before it finished.
 */
final class InSelectionOrder {

    private final VerifyListener listener;
    private final List<List<Consumer<VerifyListener>>> held = new ArrayList<>();
    private final boolean[] finished;
    private int head;

    InSelectionOrder(VerifyListener listener, int sets) {
        this.listener = listener;
        this.finished = new boolean[sets];
        for (int i = 0; i < sets; i++) {
            held.add(new ArrayList<>());
        }
    }

    /** The listener the {@code index}-th set's verification calls. */
    VerifyListener of(int index) {
        return new VerifyListener() {
            @Override
            public void serviceStarted(String service, String format, int migrations) {
                event(index, l -> l.serviceStarted(service, format, migrations));
            }

            @Override
            public void checkStarted(String service, String check) {
                event(index, l -> l.checkStarted(service, check));
            }

            @Override
            public void checkFinished(String service, CheckResult result) {
                event(index, l -> l.checkFinished(service, result));
            }
        };
    }

    private synchronized void event(int index, Consumer<VerifyListener> event) {
        if (index == head) {
            event.accept(listener);
        } else {
            held.get(index).add(event);
        }
    }

    /**
     * The {@code index}-th set has no more events (verified, cut short or not started). When it is the head, the sets
     * after it that finished meanwhile pass their events, up to the next one still running, which becomes the head.
     */
    synchronized void finished(int index) {
        finished[index] = true;
        while (head < finished.length && finished[head]) {
            head++;
            if (head < finished.length) {
                held.get(head).forEach(event -> event.accept(listener));
                held.get(head).clear();
            }
        }
    }
}

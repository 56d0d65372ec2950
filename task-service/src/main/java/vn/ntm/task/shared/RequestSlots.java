package vn.ntm.task.shared;

import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.Semaphore;

/**
 * A fixed number of slots for heavy requests (exports, evidence downloads): a request takes one at once or is
 * refused at once (the resource answers 503 with {@code Retry-After}); nothing waits, so no worker thread is held by
 * a request that cannot run yet.
 * <p>
 * A slot stays taken for as long as its request may still do work: while the request is being planned, and while its
 * streamed body runs, whether or not the client is still there (a client that disconnects does not end the database
 * work it started). It is given back when that work ends, or when the response ends before the body started (the
 * body then does nothing).
 */
public class RequestSlots {
    private final Semaphore free;
    private final int size;

    public RequestSlots(int size) {
        this.size = Math.max(1, size);
        this.free = new Semaphore(this.size);
    }

    /**
     * A slot for the request of {@code routing}, already working (planning), or null when none is free. The slot
     * learns when the response ends, so a body that never runs does not keep it.
     */
    public Lease tryTake(RoutingContext routing) {
        if (!free.tryAcquire()) {
            return null;
        }
        Lease lease = new Lease();
        routing.addEndHandler(ended -> lease.responseEnded());
        if (routing.response().closed() || routing.response().ended()) {
            lease.responseEnded();
        }
        return lease;
    }

    /** Slots taken now. */
    public int inUse() {
        return size - free.availablePermits();
    }

    public int size() {
        return size;
    }

    /** One taken slot. Thread-safe: the request's thread, the body's and the connection's events all touch it. */
    public final class Lease {
        private enum State { WORKING, IDLE, RELEASED }

        private State state = State.WORKING;
        private boolean ended;

        /** The request's own work is done and its body is yet to run; released now if the client is gone. */
        public synchronized void pause() {
            if (state == State.WORKING) {
                state = State.IDLE;
                if (ended) {
                    release();
                }
            }
        }

        /** The body starts its work; false when the slot was given back (the client went away first): do nothing. */
        public synchronized boolean resume() {
            if (state != State.IDLE) {
                return state == State.WORKING;
            }
            state = State.WORKING;
            return true;
        }

        /** The work has ended (or will never start): the slot is free again. Idempotent. */
        public synchronized void release() {
            if (state != State.RELEASED) {
                state = State.RELEASED;
                free.release();
            }
        }

        /** Whether the response ended while the work goes on: its client has gone, and nobody receives the rest. */
        public synchronized boolean abandoned() {
            return ended;
        }

        private synchronized void responseEnded() {
            ended = true;
            if (state == State.IDLE) {
                release();
            }
        }
    }
}

package dev.sequor.http;

/**
 * Told of every request the HTTP client puts on the wire for a flow: the first send of a request, and each
 * re-send its retry policy makes. The run's progress and summary count through it; it must be cheap and safe
 * to call from many threads at once.
 */
public interface SendCounter {

    /** Counts nothing: for clients used outside a run. */
    SendCounter NONE = new SendCounter() {
        @Override
        public void requestSent() {
        }

        @Override
        public void retried() {
        }
    };

    /** A request was sent for the first time. */
    void requestSent();

    /** A request was sent again after a failed attempt. */
    void retried();
}

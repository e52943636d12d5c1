package dev.popcorn.app;

/** Told what the writer does, for an operator to watch (ADR 0029): called on the writer and on requests' threads, so quick. */
public interface GroupCommitWatch {
    /** A batch of {@code writes} committed in one transaction that took {@code nanos}. */
    void committed(int writes, long nanos);

    /** A write was refused at once: the queue was full. */
    void refusedFull();

    GroupCommitWatch NONE = new GroupCommitWatch() {
        @Override
        public void committed(int writes, long nanos) {
        }

        @Override
        public void refusedFull() {
        }
    };
}

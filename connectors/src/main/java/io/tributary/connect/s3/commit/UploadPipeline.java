package io.tributary.connect.s3.commit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Completes uploads in the background while the task encodes the next file, so that a rotation
 * of many small files (thousands of folders closing at once) is not paid as thousands of
 * sequential round trips. Bounded twice: at most {@code concurrency} requests at once, and at
 * most {@code maxBytes} of upload buffers in flight (one multipart part's worth), so the task's
 * memory budget still holds.
 */
public final class UploadPipeline implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService executor;
    private final Semaphore requests;
    private final Semaphore bytes;
    private final int maxBytes;

    public UploadPipeline(int concurrency, int maxBytes) {
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "tributary-s3-upload-" + pool + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.requests = new Semaphore(concurrency);
        this.bytes = new Semaphore(maxBytes);
        this.maxBytes = maxBytes;
    }

    /**
     * Runs {@code completion} (which returns the object's size) in the background once there is
     * room for {@code heldBytes} more bytes in flight; blocks until then.
     */
    public Future<Long> submit(long heldBytes, LongSupplier completion) {
        int permits = (int) Math.min(Math.max(heldBytes, 1), maxBytes);
        requests.acquireUninterruptibly();
        bytes.acquireUninterruptibly(permits);
        try {
            return executor.submit(() -> {
                try {
                    return completion.getAsLong();
                } finally {
                    bytes.release(permits);
                    requests.release();
                }
            });
        } catch (RuntimeException e) {
            bytes.release(permits);
            requests.release();
            throw e;
        }
    }

    /**
     * Waits for {@code completions} and returns their sizes in order.
     *
     * @throws RuntimeException the first failure, once all have finished
     */
    public static List<Long> awaitAll(List<Future<Long>> completions) {
        List<Long> sizes = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<Long> f : completions) {
            try {
                sizes.add(f.get());
            } catch (ExecutionException e) {
                sizes.add(-1L);
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for uploads", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return sizes;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

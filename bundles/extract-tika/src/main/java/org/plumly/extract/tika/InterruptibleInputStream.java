package org.plumly.extract.tika;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * Content as a stream that fails once its reader's thread is interrupted: a parser that keeps reading (a
 * decompressor, a scan for the next boundary) stops soon after its extraction ran out of time.
 */
final class InterruptibleInputStream extends FilterInputStream {

    InterruptibleInputStream(InputStream in) {
        super(in);
    }

    static InterruptibleInputStream of(byte[] bytes) {
        return new InterruptibleInputStream(new ByteArrayInputStream(bytes));
    }

    @Override
    public int read() throws IOException {
        stopIfInterrupted();
        return super.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        stopIfInterrupted();
        return super.read(buffer, offset, length);
    }

    @Override
    public long skip(long n) throws IOException {
        stopIfInterrupted();
        return super.skip(n);
    }

    private static void stopIfInterrupted() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("extraction cancelled");
        }
    }
}

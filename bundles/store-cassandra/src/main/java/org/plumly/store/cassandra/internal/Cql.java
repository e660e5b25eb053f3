package org.plumly.store.cassandra.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.plumly.api.TenantId;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;
import org.plumly.api.store.StoreUnavailableException;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;

/**
 * The one way the stores talk to Cassandra: prepared statements only (prepared once, cached), and
 * failures of the database turned into {@link StoreUnavailableException} so callers can tell "retry
 * later" from a bug.
 */
final class Cql {
    private final CqlSession session;
    private final ConcurrentHashMap<String, PreparedStatement> prepared = new ConcurrentHashMap<>();

    Cql(CqlSession session) {
        this.session = session;
    }

    BoundStatement bind(String cql, Object... values) {
        return prepared.computeIfAbsent(cql, this::prepareNow).bind(values);
    }

    /** Binds, leaving null values unset: nothing is written for them (no tombstone), nothing is cleared. */
    BoundStatement bindSkippingNulls(String cql, Object... values) {
        BoundStatement bound = bind(cql, values);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                bound = bound.unset(i);
            }
        }
        return bound;
    }

    private PreparedStatement prepareNow(String cql) {
        try {
            return session.prepare(cql);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    ResultSet execute(Statement<?> statement) {
        try {
            return session.execute(statement);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    Row one(Statement<?> statement) {
        return execute(statement).one();
    }

    List<Row> all(Statement<?> statement) {
        return execute(statement).all();
    }

    /** Runs single-row reads concurrently: the rows found, in the order of the statements; missing ones left out. */
    List<Row> rows(List<BoundStatement> statements) {
        List<CompletableFuture<AsyncResultSet>> reads = statements.stream().map(s -> executeAsync(s).toCompletableFuture()).toList();
        join(CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)));
        List<Row> rows = new ArrayList<>(reads.size());
        for (CompletableFuture<AsyncResultSet> read : reads) {
            Row row = read.join().one();
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    CompletionStage<AsyncResultSet> executeAsync(Statement<?> statement) {
        return session.executeAsync(statement).exceptionallyCompose(e -> CompletableFuture.failedFuture(translate(unwrap(e))));
    }

    /** Waits for an async step and rethrows its failure as the store's own. */
    static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw translate(unwrap(e));
        }
    }

    /** One page of a single-partition list, resumed from the cursor's paging state. */
    <T> Page<T> page(BoundStatement statement, PageRequest request, String list, TenantId tenant, String key,
                     Function<Row, T> mapper) {
        Cursors.Position from = Cursors.decode(request.cursor(), list, tenant, key);
        ResultSet rows = execute(statement.setPageSize(request.size()).setPagingState(from == null ? null : from.pagingState()));
        int available = rows.getAvailableWithoutFetching();
        List<T> items = new ArrayList<>(available);
        for (int i = 0; i < available; i++) {
            items.add(mapper.apply(rows.one()));
        }
        ByteBuffer next = rows.getExecutionInfo().getPagingState();
        return new Page<>(items, next == null ? null : Cursors.encode(list, tenant, key, new Cursors.Position(0, next)));
    }

    static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static RuntimeException translate(Throwable e) {
        if (e instanceof StoreUnavailableException unavailable) {
            return unavailable;
        }
        if (e instanceof AllNodesFailedException || e instanceof DriverTimeoutException
                || e instanceof ClosedConnectionException || e instanceof QueryExecutionException) {
            return new StoreUnavailableException("Cassandra did not carry out the request: " + e.getMessage(), e);
        }
        if (e instanceof IllegalStateException closed && String.valueOf(closed.getMessage()).contains("closed")) {
            return new StoreUnavailableException("the store's session is closed", e);
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
}

package org.plumly.vertx.internal;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.io.File;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the hub's one {@link Vertx} instance and registers it as an OSGi service, so that every bundle
 * shares one event bus and one set of event loops.
 */
@Component(immediate = true, configurationPid = "org.plumly.vertx", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = VertxRuntime.Config.class)
public final class VertxRuntime {

    @ObjectClassDefinition(name = "Plumly Vert.x", description = "The shared Vert.x instance of the hub")
    public @interface Config {
        @AttributeDefinition(description = "Event-loop threads; 0 means two per core")
        int eventLoopPoolSize() default 0;

        @AttributeDefinition(description = "Threads for blocking work (store calls, extraction, classification)")
        int workerPoolSize() default 20;

        @AttributeDefinition(description = "Seconds to wait for Vert.x to close when the bundle stops")
        int closeTimeoutSeconds() default 10;
    }

    private static final Logger LOG = LoggerFactory.getLogger(VertxRuntime.class);

    private final Vertx vertx;
    private final ServiceRegistration<Vertx> registration;
    private final int closeTimeoutSeconds;

    @Activate
    public VertxRuntime(BundleContext context, Config config) {
        VertxOptions options = new VertxOptions()
                .setWorkerPoolSize(config.workerPoolSize())
                .setFileSystemOptions(new FileSystemOptions().setFileCacheDir(cacheDir(context).getAbsolutePath()));
        if (config.eventLoopPoolSize() > 0) {
            options.setEventLoopPoolSize(config.eventLoopPoolSize());
        }
        // Vert.x looks up its SPI implementations through the context class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(VertxRuntime.class.getClassLoader());
        try {
            this.vertx = Vertx.vertx(options);
        } finally {
            thread.setContextClassLoader(previous);
        }
        this.closeTimeoutSeconds = config.closeTimeoutSeconds();
        this.registration = context.registerService(Vertx.class, vertx, null);
        LOG.info("Vert.x started with {} worker threads", config.workerPoolSize());
    }

    @Deactivate
    void close() throws Exception {
        registration.unregister();
        vertx.close().await(closeTimeoutSeconds, TimeUnit.SECONDS);
        LOG.info("Vert.x closed");
    }

    private static File cacheDir(BundleContext context) {
        File dir = context.getDataFile("vertx-cache");
        return dir != null ? dir : new File(System.getProperty("java.io.tmpdir"), "plumly-vertx-cache");
    }
}

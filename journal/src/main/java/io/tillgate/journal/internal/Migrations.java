package io.tillgate.journal.internal;

import io.tillgate.journal.JournalException;
import io.tillgate.journal.JournalSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway before the journal touches it. The same plain-SQL
 * migrations under {@code db/migration} run on SQLite and on PostgreSQL, so both databases always
 * have the same schema.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    public static void migrate(JournalSettings settings) {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations(LOCATION)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("journal schema migrated to version {} ({} migrations)", result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new JournalException("journal schema migration failed on " + settings.redactedUrl(), e);
        }
    }
}

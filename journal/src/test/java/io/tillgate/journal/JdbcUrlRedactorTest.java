package io.tillgate.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlRedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            password parameter           | jdbc:postgresql://db:5432/tillgate?user=gw&password=s3cret&ssl=true | jdbc:postgresql://db:5432/tillgate?user=gw&password=***&ssl=true
            first parameter              | jdbc:postgresql://db/tillgate?password=s3cret                       | jdbc:postgresql://db/tillgate?password=***
            any case                     | jdbc:postgresql://db/tillgate?PassWord=s3cret&user=gw               | jdbc:postgresql://db/tillgate?PassWord=***&user=gw
            ;-separated                  | jdbc:sqlserver://db:1433;user=gw;password=s3cret;encrypt=true       | jdbc:sqlserver://db:1433;user=gw;password=***;encrypt=true
            sslpassword and sslkey       | jdbc:postgresql://db/t?sslmode=verify-full&sslkey=/etc/gw.pk8&sslpassword=s3cret&sslrootcert=/etc/ca.pem | jdbc:postgresql://db/t?sslmode=verify-full&sslkey=***&sslpassword=***&sslrootcert=/etc/ca.pem
            names holding password       | jdbc:x://db/t?keyStorePassword=s3cret&trustStorePassword=s3cret     | jdbc:x://db/t?keyStorePassword=***&trustStorePassword=***
            secret and token             | jdbc:x://db/t?client_secret=s3cret&accessToken=s3cret&pwd=s3cret    | jdbc:x://db/t?client_secret=***&accessToken=***&pwd=***
            userinfo                     | jdbc:postgresql://gw:s3cret@db:5432/tillgate                        | jdbc:postgresql://gw:***@db:5432/tillgate
            userinfo with / and @        | jdbc:postgresql://gw:s3/cr@t@db/tillgate?ssl=true                   | jdbc:postgresql://gw:***@db/tillgate?ssl=true
            userinfo and parameter       | jdbc:postgresql://gw:s3cret@db/tillgate?sslpassword=s3cret          | jdbc:postgresql://gw:***@db/tillgate?sslpassword=***
            SQLite with a password       | jdbc:sqlite:file:data/journal.db?password=s3cret                    | jdbc:sqlite:file:data/journal.db?password=***
            """)
    void secretsAreHidden(String form, String url, String redacted) {
        assertThat(JdbcUrlRedactor.redact(url)).isEqualTo(redacted).doesNotContain("s3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLite file                  | jdbc:sqlite:data/journal.db
            user without password        | jdbc:postgresql://gw@db:5432/tillgate
            user parameter with @        | jdbc:postgresql://db:5432/tillgate?user=gw@corp&ssl=true
            port, no userinfo            | jdbc:postgresql://db:5432/tillgate?sslmode=require
            not a JDBC URL at all        | memory
            """)
    void urlsWithoutSecretsAreUnchanged(String form, String url) {
        assertThat(JdbcUrlRedactor.redact(url)).isEqualTo(url);
    }

    @Test
    void nullStaysNull() {
        assertThat(JdbcUrlRedactor.redact(null)).isNull();
    }

    @Test
    void settingsShowOnlyTheRedactedUrl() {
        JournalSettings settings = new JournalSettings("jdbc:postgresql://gw:s3cret@db/t?sslpassword=s3cret", "gw",
                null);

        assertThat(settings.redactedUrl()).isEqualTo("jdbc:postgresql://gw:***@db/t?sslpassword=***");
        assertThat(settings.toString()).doesNotContain("s3cret");
    }
}

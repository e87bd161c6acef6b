package io.tillgate.admin.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaticFilesTest {

    private final StaticFiles console = new StaticFiles("io/tillgate/admin/console");

    @Test
    void theConsoleFilesAreServedWithTheirTypes() {
        assertThat(console.file("index.html")).hasValueSatisfying(
                file -> assertThat(file.contentType()).startsWith("text/html"));
        assertThat(console.file("main.js")).hasValueSatisfying(
                file -> assertThat(file.contentType()).startsWith("text/javascript"));
        assertThat(console.file("console.css")).hasValueSatisfying(
                file -> assertThat(file.contentType()).startsWith("text/css"));
    }

    @Test
    void nothingOutsideTheFolderOrOfAnotherKindIsServed() {
        assertThat(console.file("../version.properties")).isEmpty();
        assertThat(console.file("../../core/TillgateVersion.class")).isEmpty();
        assertThat(console.file("/etc/passwd")).isEmpty();
        assertThat(console.file(".hidden.js")).isEmpty();
        assertThat(console.file("main.js/")).isEmpty();
        assertThat(console.file("AdminServer.class")).isEmpty();
        assertThat(console.file("missing.js")).isEmpty();
        assertThat(console.file("")).isEmpty();
    }
}

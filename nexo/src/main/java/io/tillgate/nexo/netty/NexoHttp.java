package io.tillgate.nexo.netty;

import io.netty.util.AsciiString;

/** The HTTP constants of nexo Retailer over LAN (docs/protocols/nexo.md §1 and the project decisions). */
public final class NexoHttp {

    /** Where both the terminal and the POS listener take SaleToPOIRequest documents. */
    public static final String PATH = "/EPASSaleToPOI/3.1";
    public static final AsciiString CONTENT_TYPE = AsciiString.cached("application/xml; charset=utf-8");
    /** The terminal's port (Swedbank's documented port). */
    public static final int DEFAULT_TERMINAL_PORT = 11000;
    /** Tillgate's POS listener port; Swedbank uses 11000 because POS and terminal are different hosts. */
    public static final int DEFAULT_LISTENER_PORT = 11001;
    /** Request line and headers are small; anything beyond this is not a nexo client. */
    public static final int MAX_INITIAL_LINE = 4096;
    public static final int MAX_HEADER_SIZE = 8192;

    private NexoHttp() {
    }
}

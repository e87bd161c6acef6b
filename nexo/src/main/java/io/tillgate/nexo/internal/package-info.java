/** Shared by the nexo driver and front-end; not an API for other modules. */
package io.tillgate.nexo.internal;

/** nexo Retailer 3.1 over HTTP: XML codec, the NexoTerminal driver with its POS listener and the nexo front-end. */
package io.tillgate.nexo;

package io.tillgate.p3.codec;

/**
 * A card reader as listed at login. {@code resource} is {@code "devices/" + identifier}; {@code type}
 * ({@code MOCK}, {@code MIURA}, {@code VERIFONE}) and {@code comlink} ({@code MOCK}, {@code WIFI},
 * {@code USB}, {@code BLUETOOTH}) stay strings so unknown values from a real server survive.
 */
public record P3Device(String name, String identifier, String resource, String type, String comlink) {

    /** A device whose resource follows the {@code devices/<identifier>} convention. */
    public static P3Device of(String name, String identifier, String type, String comlink) {
        return new P3Device(name, identifier, P3Message.deviceResource(identifier), type, comlink);
    }
}

package io.tillgate.core.receipt;

import java.util.Objects;

/**
 * What a receipt prints about the merchant; empty strings are left off.
 *
 * @param publicName the shop's name
 * @param address street address
 * @param zip postal code
 * @param city city
 * @param country country
 */
public record MerchantDetails(String publicName, String address, String zip, String city, String country) {

    public MerchantDetails {
        Objects.requireNonNull(publicName, "publicName");
        address = address == null ? "" : address;
        zip = zip == null ? "" : zip;
        city = city == null ? "" : city;
        country = country == null ? "" : country;
    }
}

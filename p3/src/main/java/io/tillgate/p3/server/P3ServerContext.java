package io.tillgate.p3.server;

import io.tillgate.core.merchant.Merchant;
import io.tillgate.core.merchant.MerchantDirectory;
import io.tillgate.core.receipt.ReceiptComposer;
import io.tillgate.core.service.PaymentService;
import io.tillgate.p3.codec.P3Device;
import io.tillgate.p3.node.ClusterSecret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every P3 connection shares: the configuration, the payment service, the merchants, the
 * configured devices, the login throttle and the merchants' transaction mappers. Immutable but for
 * the throttle and the mappers, which are thread-safe, and the merchants with their devices, which
 * a configuration reload swaps as one, so sessions on any event loop use them without locking.
 */
final class P3ServerContext {

    /** The merchants and the devices they may use, as one configuration defines them. */
    private record Directory(MerchantDirectory merchants, Map<String, P3Device> devicesById) {
    }

    private final P3ServerConfig config;
    private final PaymentService payments;
    private volatile Directory directory;
    private final LoginThrottle loginThrottle;
    /** Set once before the listeners open when this gateway is a cluster node that takes forwarded requests. */
    private volatile ClusterSecret nodeSecret;
    /** Keyed by the whole merchant (a record), so a merchant whose details change gets a new mapper. */
    private final Map<Merchant, P3TransactionMapper> mappers = new ConcurrentHashMap<>();

    P3ServerContext(P3ServerConfig config, PaymentService payments, MerchantDirectory merchants,
            Map<String, P3Device> devicesById, LoginObserver logins) {
        this.config = Objects.requireNonNull(config, "config");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.directory = directory(merchants, devicesById);
        this.loginThrottle = new LoginThrottle(config.loginThrottle(), config.clock(), logins);
    }

    P3ServerConfig config() {
        return config;
    }

    PaymentService payments() {
        return payments;
    }

    MerchantDirectory merchants() {
        return directory.merchants();
    }

    /** From now on logins and requests see these merchants and devices. */
    void reconfigure(MerchantDirectory merchants, Map<String, P3Device> devicesById) {
        this.directory = directory(merchants, devicesById);
        // Mappers of merchants that changed or left would otherwise stay for good; the rest are made again.
        mappers.clear();
    }

    private static Directory directory(MerchantDirectory merchants, Map<String, P3Device> devicesById) {
        return new Directory(Objects.requireNonNull(merchants, "merchants"), Collections.unmodifiableMap(
                new LinkedHashMap<>(Objects.requireNonNull(devicesById, "devicesById"))));
    }

    /** From now on other nodes of the cluster may log in with {@code secret} and forward requests. */
    void acceptNodes(ClusterSecret secret) {
        this.nodeSecret = Objects.requireNonNull(secret, "secret");
    }

    /** The cluster secret a node logs in with; empty when node logins are refused. */
    Optional<ClusterSecret> nodeSecret() {
        return Optional.ofNullable(nodeSecret);
    }

    /** Counts failed logins of every connection, both transports. */
    LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    /** The merchant's devices in the merchant's configured order; terminals without a P3 device are left out. */
    List<P3Device> devicesOf(Merchant merchant) {
        Map<String, P3Device> devicesById = directory.devicesById();
        return merchant.terminalIds().stream().filter(devicesById::containsKey).map(devicesById::get).toList();
    }

    /** Whether {@code deviceId} is a P3 device that {@code merchant} may use. */
    boolean mayUse(Merchant merchant, String deviceId) {
        return merchant.owns(deviceId) && directory.devicesById().containsKey(deviceId);
    }

    /** Maps transactions for {@code merchant}, with receipts printing its details. */
    P3TransactionMapper mapperFor(Merchant merchant) {
        // Shared by all of the merchant's connections (it is immutable): a login costs no objects that outlive it.
        return mappers.computeIfAbsent(merchant, m -> new P3TransactionMapper(new P3ReceiptMapper(
                new ReceiptComposer(m.details(), config.zone(), config.receiptWidth()))));
    }
}

package io.mqttworkbench.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMDecryptorProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Builds the TLS socket factory for a connection from PEM files: a CA bundle, and for mutual TLS a client
 * certificate chain with its private key (PKCS#1, PKCS#8 or SEC1, optionally encrypted). Every problem
 * is reported as a {@link ConnectionException} naming the file and what is wrong with it.
 */
public final class TlsContextFactory {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private TlsContextFactory() {
    }

    /** An SSL socket factory (for the Paho engine). */
    public static SSLSocketFactory create(TlsSettings tls) throws ConnectionException {
        try {
            TrustManagerFactory trust = trustManagerFactory(tls);
            KeyManagerFactory keys = keyManagerFactory(tls);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), new SecureRandom());
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new ConnectionException("TLS set-up failed: " + e.getMessage(), null, false, e);
        }
    }

    /**
     * Whom to trust: any certificate when the user asked for that, the CA file's authorities, or null for the
     * JVM's default authorities.
     */
    static TrustManagerFactory trustManagerFactory(TlsSettings tls) throws ConnectionException {
        try {
            if (tls.trustAnyCertificate()) {
                return fixedTrust(new TrustAnyCertificate());
            }
            return tls.caFile() == null ? null : trustManagersFor(readCertificates(tls.caFile(), "CA certificate file"));
        } catch (GeneralSecurityException e) {
            throw new ConnectionException("TLS set-up failed: " + e.getMessage(), null, false, e);
        }
    }

    /** The client certificate and key for mutual TLS, or null when there is none. */
    static KeyManagerFactory keyManagerFactory(TlsSettings tls) throws ConnectionException {
        try {
            return tls.hasClientCertificate() ? keyManagersFor(tls) : null;
        } catch (GeneralSecurityException e) {
            throw new ConnectionException("TLS set-up failed: " + e.getMessage(), null, false, e);
        }
    }

    /** Reads every certificate in a PEM (or DER) file. */
    public static List<X509Certificate> readCertificates(Path file, String what) throws ConnectionException {
        byte[] bytes = readFile(file, what);
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> result = new ArrayList<>();
            for (Certificate c : certificates) {
                result.add((X509Certificate) c);
            }
            if (result.isEmpty()) {
                throw new ConnectionException(what + " " + file + " contains no certificate");
            }
            return result;
        } catch (CertificateException | IOException e) {
            throw new ConnectionException(what + " " + file + " is not a PEM certificate (" + e.getMessage() + ")", null, false, e);
        }
    }

    /** Reads a private key in any of the PEM forms OpenSSL writes, decrypting it when a password is given. */
    public static PrivateKey readPrivateKey(Path file, char[] password) throws ConnectionException {
        byte[] bytes = readFile(file, "Private key file");
        try (Reader reader = new java.io.StringReader(new String(bytes, StandardCharsets.US_ASCII));
             PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BC);
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    requirePassword(file, password);
                    InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(password);
                    return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptor));
                }
                if (object instanceof PEMEncryptedKeyPair encrypted) {
                    requirePassword(file, password);
                    PEMDecryptorProvider decryptor = new JcePEMDecryptorProviderBuilder().setProvider(BC).build(password);
                    return converter.getKeyPair(encrypted.decryptKeyPair(decryptor)).getPrivate();
                }
            }
            throw new ConnectionException("Private key file " + file + " contains no private key in PEM form");
        } catch (PKCSException | OperatorCreationException | org.bouncycastle.openssl.EncryptionException e) {
            throw new ConnectionException("Private key file " + file + " could not be decrypted: wrong key password?", null, false, e);
        } catch (PEMException e) {
            throw new ConnectionException("Private key file " + file + " could not be read: " + e.getMessage(), null, false, e);
        } catch (IOException e) {
            throw new ConnectionException("Private key file " + file + " is not a PEM file (" + e.getMessage() + ")", null, false, e);
        }
    }

    /** True when {@code key} is the private half of the certificate's public key. */
    public static boolean keyMatchesCertificate(PrivateKey key, X509Certificate certificate) {
        PublicKey publicKey = certificate.getPublicKey();
        String algorithm = switch (publicKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> null;
        };
        if (algorithm == null) {
            return true; // a key type we cannot probe: the TLS handshake will tell
        }
        try {
            byte[] probe = "mqtt-workbench key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm, BC);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm, BC);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyManagerFactory keyManagersFor(TlsSettings tls) throws ConnectionException, GeneralSecurityException {
        List<X509Certificate> chain = readCertificates(tls.clientCertificateFile(), "Client certificate file");
        PrivateKey key = readPrivateKey(tls.clientKeyFile(), tls.keyPassword());
        if (!keyMatchesCertificate(key, chain.get(0))) {
            throw new ConnectionException("Private key " + tls.clientKeyFile() + " does not match client certificate "
                    + tls.clientCertificateFile());
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        char[] transientPassword = "mqtt-workbench".toCharArray();
        store.setKeyEntry("client", key, transientPassword, chain.toArray(new Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, transientPassword);
        return factory;
    }

    private static TrustManagerFactory trustManagersFor(List<X509Certificate> authorities) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        for (int i = 0; i < authorities.size(); i++) {
            store.setCertificateEntry("ca-" + i, authorities.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    /** A factory that hands out the given trust manager: the engines take factories, not managers. */
    private static TrustManagerFactory fixedTrust(TrustManager manager) {
        TrustManagerFactorySpi spi = new TrustManagerFactorySpi() {
            @Override
            protected void engineInit(KeyStore keyStore) {
            }

            @Override
            protected void engineInit(ManagerFactoryParameters parameters) {
            }

            @Override
            protected TrustManager[] engineGetTrustManagers() {
                return new TrustManager[] {manager};
            }
        };
        return new TrustManagerFactory(spi, null, "mqtt-workbench-fixed") { };
    }

    private static byte[] readFile(Path file, String what) throws ConnectionException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConnectionException(what + " " + file + " does not exist", null, false, e);
        } catch (IOException e) {
            throw new ConnectionException(what + " " + file + " cannot be read: " + e.getMessage(), null, false, e);
        }
    }

    private static void requirePassword(Path file, char[] password) throws ConnectionException {
        if (password == null || password.length == 0) {
            throw new ConnectionException("Private key file " + file + " is encrypted: a key password is needed");
        }
    }

    /** Accepts every certificate. Only used when the user explicitly asks for it; the UI marks it insecure. */
    private static final class TrustAnyCertificate extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

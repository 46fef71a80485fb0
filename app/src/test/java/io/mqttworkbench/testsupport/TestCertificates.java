package io.mqttworkbench.testsupport;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI written as PEM files, the way brokers hand certificates out: a CA, a server
 * certificate for {@code localhost} only (so 127.0.0.1 is a host name mismatch), and a client
 * certificate whose key is stored PKCS#8-encrypted, plus a stray key that matches nothing.
 */
public record TestCertificates(Path caCert, Path serverCert, Path serverKey, Path clientCert, Path clientKeyEncrypted,
                               Path clientKeyPkcs1, Path strayKey, String clientKeyPassword) {

    public static TestCertificates create(Path folder) throws IOException, GeneralSecurityException {
        try {
            KeyPair ca = rsa();
            X509Certificate caCert = certificate("CN=MQTT Workbench Test CA", ca, "CN=MQTT Workbench Test CA", ca, true, null);
            KeyPair server = rsa();
            X509Certificate serverCert = certificate("CN=localhost", server, "CN=MQTT Workbench Test CA", ca, false, "localhost");
            KeyPair client = rsa();
            X509Certificate clientCert = certificate("CN=workbench-client", client, "CN=MQTT Workbench Test CA", ca, false, null);
            String password = "s3cret";
            TestCertificates files = new TestCertificates(folder.resolve("ca.pem"), folder.resolve("server.pem"), folder.resolve("server.key"),
                    folder.resolve("client.pem"), folder.resolve("client-encrypted.key"), folder.resolve("client-pkcs1.key"),
                    folder.resolve("stray.key"), password);
            pem(files.caCert, caCert);
            pem(files.serverCert, serverCert);
            pem(files.serverKey, server.getPrivate()); // traditional PKCS#1, as openssl genrsa writes it
            pem(files.clientCert, clientCert);
            pem(files.clientKeyPkcs1, client.getPrivate());
            pem(files.strayKey, rsa().getPrivate());
            try (Writer out = Files.newBufferedWriter(files.clientKeyEncrypted); JcaPEMWriter pem = new JcaPEMWriter(out)) {
                pem.writeObject(new JcaPKCS8Generator(client.getPrivate(), new JceOpenSSLPKCS8EncryptorBuilder(
                        JcaPKCS8Generator.AES_256_CBC) // what `openssl pkcs8 -topk8 -v2 aes256` writes
                        .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                        .setPassword(password.toCharArray()).build()));
            }
            readableByTheBroker(folder);
            return files;
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** mosquitto started as root drops to its own user, which must still read these throw-away files. */
    private static void readableByTheBroker(Path folder) throws IOException {
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys, boolean ca,
                                               String dnsName) throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), new X500Name(subject),
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (dnsName != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }

    private static void pem(Path file, Object object) throws IOException {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(object); // a private key comes out in the traditional "RSA PRIVATE KEY" (PKCS#1) form
        }
    }
}

using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PodFirmware.Host.Tests.Mqtt
{
    /// <summary>
    /// Throwaway X.509 material for TLS tests, made with .NET alone (no openssl CLI): a CA and
    /// leaf certificates it signs, all ECDSA P-256, written as PEM files into a directory the
    /// caller owns. Leaves are valid from a day ago for a day ahead (the CA a day longer each
    /// way, as a leaf may not outlive its issuer), so clock skew cannot break a test.
    /// </summary>
    internal static class TestCertificates
    {
        /// <summary>
        /// Writes <c>name.crt</c> and <c>name.key</c> for a self-signed CA into
        /// <paramref name="directory"/> and returns it (with its private key) for signing.
        /// </summary>
        public static X509Certificate2 WriteCa(string directory, string name)
        {
            // Not disposed: the returned certificate signs with it.
            ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=PodFirmware test CA " + name, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            X509Certificate2 ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(2));
            Write(directory, name, ca, key);
            return ca;
        }

        /// <summary>
        /// Writes <c>name.crt</c> and <c>name.key</c> for a server certificate for 127.0.0.1 and
        /// localhost (subject alternative names, which OpenSSL's host-name check reads), signed by
        /// <paramref name="ca"/>.
        /// </summary>
        public static void WriteServer(string directory, string name, X509Certificate2 ca)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            WriteLeaf(directory, name, ca, "CN=localhost", names, new Oid("1.3.6.1.5.5.7.3.1", "serverAuth"));
        }

        /// <summary>Writes <c>name.crt</c> and <c>name.key</c> for a client certificate signed by <paramref name="ca"/>.</summary>
        public static void WriteClient(string directory, string name, X509Certificate2 ca)
        {
            WriteLeaf(directory, name, ca, "CN=" + name, null, new Oid("1.3.6.1.5.5.7.3.2", "clientAuth"));
        }

        /// <summary>Path of the certificate file <paramref name="name"/> in <paramref name="directory"/>.</summary>
        public static string Crt(string directory, string name) => Path.Combine(directory, name + ".crt");

        /// <summary>Path of the key file <paramref name="name"/> in <paramref name="directory"/>.</summary>
        public static string Key(string directory, string name) => Path.Combine(directory, name + ".key");

        private static void WriteLeaf(string directory, string name, X509Certificate2 ca, string subject, SubjectAlternativeNameBuilder names, Oid usage)
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { usage }, false));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
            if (names != null)
            {
                request.CertificateExtensions.Add(names.Build());
            }

            byte[] serial = RandomNumberGenerator.GetBytes(12);
            serial[0] &= 0x7F;
            using X509Certificate2 leaf = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), serial);
            Write(directory, name, leaf, key);
        }

        private static void Write(string directory, string name, X509Certificate2 certificate, ECDsa key)
        {
            File.WriteAllText(Crt(directory, name), certificate.ExportCertificatePem());
            File.WriteAllText(Key(directory, name), key.ExportPkcs8PrivateKeyPem());
        }
    }
}

namespace PodFirmware.Host.Mqtt
{
    /// <summary>
    /// What a <see cref="MosquittoBroker"/> needs to listen with TLS: PEM files on the host.
    /// Immutable once constructed; thread-safe.
    /// </summary>
    public sealed class MosquittoBrokerTls
    {
        /// <summary>Creates the TLS settings of a broker listener.</summary>
        /// <param name="caFile">PEM CA certificate; mosquitto's <c>cafile</c>, used to verify client certificates.</param>
        /// <param name="certificateFile">PEM server certificate, signed by a CA the clients trust; mosquitto's <c>certfile</c>.</param>
        /// <param name="keyFile">Unencrypted PEM private key of the server certificate; mosquitto's <c>keyfile</c>.</param>
        /// <param name="requireClientCertificate">mosquitto's <c>require_certificate</c>: refuse clients without a certificate signed by <paramref name="caFile"/>.</param>
        public MosquittoBrokerTls(string caFile, string certificateFile, string keyFile, bool requireClientCertificate = false)
        {
            CaFile = caFile;
            CertificateFile = certificateFile;
            KeyFile = keyFile;
            RequireClientCertificate = requireClientCertificate;
        }

        /// <summary>Path of the PEM CA certificate.</summary>
        public string CaFile { get; }

        /// <summary>Path of the PEM server certificate.</summary>
        public string CertificateFile { get; }

        /// <summary>Path of the PEM server private key.</summary>
        public string KeyFile { get; }

        /// <summary>Whether clients must present a certificate signed by <see cref="CaFile"/>.</summary>
        public bool RequireClientCertificate { get; }
    }
}

using System.IO;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Host.Watch
{
    /// <summary>
    /// How <c>./pod watch</c> reaches the broker beyond host and port, with the pod's own TLS settings
    /// (docs/mqtt-tls.md): TLS 1.2 verified against a CA file, an optional client certificate and key, an optional
    /// user with a password read from a file (so it never shows in a process list). Not thread-safe; set, check, apply.
    /// </summary>
    public sealed class WatchLinkOptions
    {
        /// <summary>Connect with TLS (<c>--tls</c>); needs <see cref="CaFile"/>.</summary>
        public bool Tls { get; set; }

        /// <summary>PEM file of the CA that signed the broker's certificate (<c>--ca</c>); empty for none.</summary>
        public string CaFile { get; set; } = "";

        /// <summary>PEM client certificate (<c>--cert</c>), with <see cref="KeyFile"/>; empty for none.</summary>
        public string CertFile { get; set; } = "";

        /// <summary>PEM key of <see cref="CertFile"/> (<c>--key</c>); empty for none.</summary>
        public string KeyFile { get; set; } = "";

        /// <summary>MQTT user name (<c>--user</c>); empty for an anonymous connection.</summary>
        public string User { get; set; } = "";

        /// <summary>File whose first line is the password of <see cref="User"/> (<c>--password-file</c>); empty for none.</summary>
        public string PasswordFile { get; set; } = "";

        /// <summary>What is wrong with the combination or the files, as one line for the user; null when usable.</summary>
        public string Problem()
        {
            if (!Tls && (CaFile.Length > 0 || CertFile.Length > 0 || KeyFile.Length > 0))
            {
                return "--ca, --cert and --key need --tls";
            }

            if (Tls && CaFile.Length == 0)
            {
                return "--tls needs --ca FILE (the PEM certificate of the CA that signed the broker's)";
            }

            if ((CertFile.Length > 0) != (KeyFile.Length > 0))
            {
                return "--cert and --key go together";
            }

            if (PasswordFile.Length > 0 && User.Length == 0)
            {
                return "--password-file needs --user";
            }

            return Missing("--ca", CaFile) ?? Missing("--cert", CertFile) ?? Missing("--key", KeyFile) ?? Missing("--password-file", PasswordFile);
        }

        /// <summary>Copies the settings into <paramref name="options"/>, the password read from its file. Call after <see cref="Problem"/> returned null.</summary>
        public void ApplyTo(MqttLinkOptions options)
        {
            options.UseTls = Tls;
            options.CaCertificate = CaFile;
            options.ClientCertificate = CertFile;
            options.ClientKey = KeyFile;
            options.Username = User;
            if (PasswordFile.Length > 0)
            {
                using var reader = new StreamReader(PasswordFile);
                options.Password = reader.ReadLine() ?? "";
            }
        }

        private static string Missing(string option, string path)
        {
            if (path.Length == 0 || File.Exists(path))
            {
                return null;
            }

            return Directory.Exists(path) ? option + " names a directory, not a file: " + path : option + ": no such file: " + path;
        }
    }
}

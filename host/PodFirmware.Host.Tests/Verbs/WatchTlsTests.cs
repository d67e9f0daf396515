using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using PodFirmware.Drivers.Ports;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.Tests.Mqtt;
using PodFirmware.Host.Tests.Support;
using PodFirmware.Host.Watch;
using Xunit;

namespace PodFirmware.Host.Tests.Verbs
{
    /// <summary>
    /// <c>./pod watch --tls</c> against a private mosquitto whose only listener is TLS with one password user (certificates
    /// made per test), and the checks of the TLS options before anything connects.
    /// </summary>
    public sealed class WatchTlsTests : IDisposable
    {
        private const int SoonMs = 15000;
        private const string User = "watcher";
        private const string Password = "correct horse battery";

        private readonly string _dir;
        private readonly X509Certificate2 _ca;

        public WatchTlsTests()
        {
            _dir = Directory.CreateTempSubdirectory("pod-watch-tls-").FullName;
            _ca = TestCertificates.WriteCa(_dir, "ca");
            TestCertificates.WriteServer(_dir, "server", _ca);
            TestCertificates.WriteCa(_dir, "other-ca").Dispose();
            File.WriteAllText(Path.Combine(_dir, "password"), Password + "\n");
        }

        public void Dispose()
        {
            _ca.Dispose();
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
            }
        }

        private sealed class SyncWriter : StringWriter
        {
            public override void WriteLine(string value)
            {
                lock (this)
                {
                    base.WriteLine(value);
                }
            }

            public string Text()
            {
                lock (this)
                {
                    return ToString();
                }
            }
        }

        private WatchLinkOptions Tls(string ca) => new WatchLinkOptions
        {
            Tls = true,
            CaFile = TestCertificates.Crt(_dir, ca),
            User = User,
            PasswordFile = Path.Combine(_dir, "password"),
        };

        private MosquittoBroker Broker() => new MosquittoBroker(
            new MosquittoBrokerTls(TestCertificates.Crt(_dir, "ca"), TestCertificates.Crt(_dir, "server"), TestCertificates.Key(_dir, "server")), User, Password);

        // Runs the plain watcher on its own thread until done() holds (or the bound passes); returns its exit code.
        private static int Watch(MosquittoBroker broker, WatchLinkOptions options, SyncWriter output, SyncWriter error, Func<bool> done, string what)
        {
            using var stop = new CancellationTokenSource();
            int result = -1;
            var watch = new Thread(() => result = WatchVerb.Run("127.0.0.1:" + broker.Port, "site-a", true, options, output, error, stop.Token)) { IsBackground = true };
            watch.Start();
            try
            {
                Wait.Until(done, SoonMs, what, () => "output: " + output.Text() + "; error: " + error.Text() + "; broker: " + broker.Stderr);
            }
            finally
            {
                stop.Cancel();
                Assert.True(watch.Join(SoonMs), "the watcher stops when cancelled");
            }

            return result;
        }

        [Fact]
        public void Over_TLS_with_a_password_the_watcher_shows_the_retained_status()
        {
            using MosquittoBroker broker = Broker();
            using (var publisher = new MosquittoLink())
            {
                var options = new MqttLinkOptions
                {
                    Host = "127.0.0.1", Port = broker.Port, ClientId = "status-source", Username = User, Password = Password,
                    UseTls = true, CaCertificate = TestCertificates.Crt(_dir, "ca"),
                };
                publisher.Start(options);
                Wait.Until(() => publisher.IsConnected, SoonMs, "the publisher connects over TLS", () => "LastError: " + publisher.LastError);
                byte[] status = Encoding.UTF8.GetBytes("{\"site\":\"site-a\",\"space\":7,\"connector\":\"Available\",\"fault\":null}");
                Assert.True(publisher.Publish("pods/p-7/status", status, status.Length, 1, true, out int mid));
                int acked = 0;
                Wait.Until(() => publisher.TryTakeAck(out acked), SoonMs, "the retained status is stored");
                publisher.Stop();
            }

            var output = new SyncWriter();
            var error = new SyncWriter();
            int code = Watch(broker, Tls("ca"), output, error, () => output.Text().Contains("p-7"), "the TLS watcher shows p-7");
            Assert.Equal(0, code);
            Assert.Contains("space 7", output.Text());
            Assert.Equal("", error.Text());
        }

        [Fact]
        public void A_watcher_trusting_another_CA_shows_nothing_and_says_why_on_stderr()
        {
            using MosquittoBroker broker = Broker();
            var output = new SyncWriter();
            var error = new SyncWriter();
            int code = Watch(broker, Tls("other-ca"), output, error, () => error.Text().Contains("pod watch: broker: "), "the watcher reports the failed handshake");
            Assert.Equal(0, code);
            Assert.Equal("", output.Text());
        }

        [Theory]
        [InlineData("tls", "--tls needs --ca FILE")]
        [InlineData("ca", "--ca, --cert and --key need --tls")]
        [InlineData("tls ca cert", "--cert and --key go together")]
        [InlineData("tls ca key", "--cert and --key go together")]
        [InlineData("password", "--password-file needs --user")]
        [InlineData("tls missing-ca", "--ca: no such file: ")]
        [InlineData("tls dir-ca", "--ca names a directory, not a file: ")]
        [InlineData("user missing-password", "--password-file: no such file: ")]
        public void A_bad_tls_option_is_one_error_line_and_exit_2(string given, string expected)
        {
            var options = new WatchLinkOptions();
            foreach (string word in given.Split(' '))
            {
                switch (word)
                {
                    case "tls": options.Tls = true; break;
                    case "ca": options.CaFile = TestCertificates.Crt(_dir, "ca"); break;
                    case "missing-ca": options.CaFile = Path.Combine(_dir, "nope.crt"); break;
                    case "dir-ca": options.CaFile = _dir; break;
                    case "cert": options.CertFile = TestCertificates.Crt(_dir, "server"); break;
                    case "key": options.KeyFile = TestCertificates.Key(_dir, "server"); break;
                    case "user": options.User = User; break;
                    case "password": options.PasswordFile = Path.Combine(_dir, "password"); break;
                    case "missing-password": options.PasswordFile = Path.Combine(_dir, "nope"); break;
                }
            }

            var error = new StringWriter();
            Assert.Equal(2, WatchVerb.Run("127.0.0.1:1883", "site-a", true, options, TextWriter.Null, error, CancellationToken.None));
            Assert.StartsWith("pod watch: " + expected, error.ToString());
        }

        [Fact]
        public void The_command_line_reaches_every_tls_option()
        {
            System.CommandLine.Command watch = WatchVerb.Create();
            var ca = (System.CommandLine.Option<string>)watch.Options.First(o => o.Name == "--ca");
            var tls = (System.CommandLine.Option<bool>)watch.Options.First(o => o.Name == "--tls");
            System.CommandLine.ParseResult parse = watch.Parse(new[] { "--broker", "127.0.0.1:1", "--site", "s", "--ca", "x.crt" });
            Assert.Empty(parse.Errors);
            Assert.Equal("x.crt", parse.GetValue(ca));
            Assert.False(parse.GetValue(tls));
            foreach (string name in new[] { "--cert", "--key", "--user", "--password-file" })
            {
                Assert.Contains(watch.Options, o => o.Name == name);
            }
        }
    }
}

using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using PodFirmware.Drivers.Ports;
using PodFirmware.Host.Mqtt;
using Spectre.Console;

namespace PodFirmware.Host.Watch
{
    /// <summary>
    /// <c>./pod watch --broker HOST:PORT --site SITE [--plain] [--silent-after S] [--tls --ca FILE [--cert FILE --key FILE]] [--user NAME [--password-file FILE]]</c>: every pod of a site from the broker's retained
    /// statuses and availability, telemetry, heartbeat frames and the site alarm topic (<see cref="SiteWatch"/>). A table refreshed in
    /// place, most severe first; <c>--plain</c> prints one line per change instead, for logs and pipes.
    /// </summary>
    public static class WatchVerb
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create()
        {
            var broker = new Option<string>("--broker") { Description = "Broker as HOST:PORT (MQTT 3.1.1; plain TCP unless --tls).", Required = true };
            var site = new Option<string>("--site") { Description = "Site id whose pods to show.", Required = true };
            var plain = new Option<bool>("--plain") { Description = "One line per change instead of the live table (logs, pipes)." };
            var seconds = new Option<int>("--seconds") { Description = "Stop after this many seconds, 0 to 86400 (0: until Ctrl-C)." };
            Verbs.VerbInputs.Range(seconds, 0, 86400, "seconds; 0 runs until Ctrl-C");
            var silentAfter = new Option<int>("--silent-after")
            {
                Description = "Flag a pod silent after this many seconds without a heartbeat frame, 1 to 3600 (default 15: three frames at heartbeat.podPeriodMs 5 s).",
                DefaultValueFactory = _ => (int)(SiteWatch.DefaultSilentAfterMs / 1000),
            };
            Verbs.VerbInputs.Range(silentAfter, 1, 3600, "seconds");
            var tls = new Option<bool>("--tls") { Description = "TLS 1.2, the broker's certificate verified against --ca." };
            var ca = new Option<string>("--ca") { Description = "PEM file of the CA that signed the broker's certificate (with --tls)." };
            var cert = new Option<string>("--cert") { Description = "PEM client certificate, for a broker that asks for one (with --tls and --key)." };
            var key = new Option<string>("--key") { Description = "PEM key of --cert." };
            var user = new Option<string>("--user") { Description = "MQTT user name." };
            var passwordFile = new Option<string>("--password-file") { Description = "File whose first line is the password of --user." };
            var command = new Command("watch", "Show every pod of a site live: availability, connector, temperature, current, latched fault, last alarm and its age.");
            command.Options.Add(broker);
            command.Options.Add(site);
            command.Options.Add(plain);
            command.Options.Add(seconds);
            command.Options.Add(silentAfter);
            command.Options.Add(tls);
            command.Options.Add(ca);
            command.Options.Add(cert);
            command.Options.Add(key);
            command.Options.Add(user);
            command.Options.Add(passwordFile);
            command.SetAction(parse =>
            {
                using var stop = new CancellationTokenSource();
                Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
                int s = parse.GetValue(seconds);
                if (s > 0)
                {
                    stop.CancelAfter(TimeSpan.FromSeconds(s));
                }

                var link = new WatchLinkOptions
                {
                    Tls = parse.GetValue(tls),
                    CaFile = parse.GetValue(ca) ?? "",
                    CertFile = parse.GetValue(cert) ?? "",
                    KeyFile = parse.GetValue(key) ?? "",
                    User = parse.GetValue(user) ?? "",
                    PasswordFile = parse.GetValue(passwordFile) ?? "",
                };
                return Run(parse.GetValue(broker), parse.GetValue(site), parse.GetValue(plain) || Console.IsOutputRedirected, link, Console.Out, Console.Error, stop.Token, parse.GetValue(silentAfter) * 1000L);
            });
            return command;
        }

        /// <summary>Watches over plain TCP without a user until <paramref name="stop"/>; returns 0, or 2 for a bad <paramref name="broker"/>.</summary>
        public static int Run(string broker, string site, bool plain, TextWriter output, TextWriter error, CancellationToken stop)
        {
            return Run(broker, site, plain, new WatchLinkOptions(), output, error, stop);
        }

        /// <summary>
        /// Watches until <paramref name="stop"/>; returns 0, or 2 for a bad <paramref name="broker"/> or <paramref name="linkOptions"/>
        /// (one line on <paramref name="error"/>). Why the link fails to connect (a refused certificate or password) goes to
        /// <paramref name="error"/> each time the reason changes. A pod is flagged silent after <paramref name="silentAfterMs"/>
        /// without a heartbeat frame.
        /// </summary>
        public static int Run(string broker, string site, bool plain, WatchLinkOptions linkOptions, TextWriter output, TextWriter error, CancellationToken stop, long silentAfterMs = SiteWatch.DefaultSilentAfterMs)
        {
            string problem = linkOptions.Problem();
            if (problem != null)
            {
                error.WriteLine("pod watch: " + problem);
                return 2;
            }

            int colon = broker.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(broker.AsSpan(colon + 1), out int port) || port < 1 || port > 65535)
            {
                error.WriteLine("pod watch: --broker must be HOST:PORT with PORT 1 to 65535, not " + broker);
                return 2;
            }

            var watch = new SiteWatch(site, silentAfterMs);
            using var link = new MosquittoLink();
            foreach (string topic in watch.Topics)
            {
                link.Subscribe(topic, 1);
            }

            var options = new MqttLinkOptions { Host = broker.Substring(0, colon), Port = port, ClientId = "pod-watch-" + Guid.NewGuid().ToString("N").Substring(0, 8) };
            linkOptions.ApplyTo(options);
            link.Start(options);
            string lastError = null;
            var clock = Stopwatch.StartNew();
            var inbound = new MqttInboundMessage();
            void Loop(Action refresh)
            {
                while (!stop.IsCancellationRequested)
                {
                    while (link.TryTakeMessage(inbound))
                    {
                        string line = watch.Receive(inbound.Topic, Encoding.UTF8.GetString(inbound.Payload, 0, inbound.Length), clock.ElapsedMilliseconds);
                        if (plain && line != null)
                        {
                            output.WriteLine(line);
                            output.Flush();
                        }
                    }

                    foreach (string line in watch.Tick(clock.ElapsedMilliseconds))
                    {
                        if (plain)
                        {
                            output.WriteLine(line);
                            output.Flush();
                        }
                    }

                    string linkError = link.LastError;
                    if (linkError != null && linkError != lastError)
                    {
                        error.WriteLine("pod watch: broker: " + linkError);
                        error.Flush();
                    }

                    lastError = linkError;
                    refresh();
                    Thread.Sleep(50);
                }
            }

            if (plain)
            {
                Loop(() => { });
            }
            else
            {
                AnsiConsole.Live(Table(watch, clock.ElapsedMilliseconds)).Start(ctx => Loop(() => ctx.UpdateTarget(Table(watch, clock.ElapsedMilliseconds))));
            }

            link.Stop();
            return 0;
        }

        private static Spectre.Console.Table Table(SiteWatch watch, long nowMs)
        {
            var table = new Spectre.Console.Table().AddColumns("pod", "space", "link", "beat", "connector", "temp C", "A", "fault", "last alarm");
            foreach (WatchedPod pod in watch.Pods)
            {
                string style = pod.Severity <= 1 ? "red" : pod.Severity == 2 ? "yellow" : "default";
                string alarm = pod.LastAlarm == null ? "-" : pod.LastAlarm + " " + ((nowMs - pod.LastAlarmAtMs) / 1000) + "s";
                string beat = pod.LastBeatAtMs < 0 ? "-" : pod.Beat + " " + ((nowMs - pod.LastBeatAtMs) / 1000) + "s";
                table.AddRow(new[] { pod.Pod, pod.Space.ToString(), pod.Availability, beat, pod.Connector, Show(pod.TemperatureC, "F1"), Show(pod.CurrentA, "F2"), pod.Fault ?? "-", alarm }
                    .Select(t => (Spectre.Console.Rendering.IRenderable)new Markup("[" + style + "]" + Markup.Escape(t) + "[/]")).ToArray());
            }

            return table;
        }

        private static string Show(double value, string format) => double.IsFinite(value) ? value.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "-";
    }
}

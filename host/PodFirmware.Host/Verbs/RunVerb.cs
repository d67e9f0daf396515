using System;
using System.CommandLine;
using System.IO;
using System.Text;
using System.Threading;
using PodFirmware.Core.Console;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Scenarios;
using PodFirmware.Drivers.Ports;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.PodConsole;
using PodFirmware.Host.Simulation;
using PodFirmware.SerialConsole;
using Spectre.Console;

namespace PodFirmware.Host.Verbs
{
    /// <summary>
    /// <c>./pod run</c>: a virtual pod (<see cref="LivePod"/>) live on a private mosquitto. The pod runs the
    /// real portable path (tick, simulated sensors, store-first messaging, MQTT link); a second client
    /// plays the site controller (heartbeat) and the back end (the scenario's commands, signed and
    /// published on the pod's cmd topic); the view shows what that client receives from the broker, not
    /// the pod's memory.
    /// </summary>
    public static class RunVerb
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create()
        {
            var config = new Option<FileInfo>("--config") { Description = "Pod config JSON.", DefaultValueFactory = _ => new FileInfo(Path.Combine(Program.RepoRoot(), "nf-device-config", "pods", "pod-demo.json")) };
            var scenario = new Option<FileInfo>("--scenario") { Description = "Scenario replayed in real time (default scenarios/live-demo.txt).", DefaultValueFactory = _ => new FileInfo(Path.Combine(Program.RepoRoot(), "scenarios", "live-demo.txt")) };
            var seconds = new Option<int>("--seconds") { Description = "Stop after this many seconds, 0 to 86400 (0: run until Ctrl-C)." };
            VerbInputs.Range(seconds, 0, 86400, "seconds; 0 runs until Ctrl-C");
            var data = new Option<DirectoryInfo>("--data") { Description = "Directory standing in for the pod's flash (fault latch, outbox); default: a fresh temporary directory. Reuse one to see pending alarms survive a restart." };
            var pods = new Option<int>("--pods") { Description = "Virtual pods of the site, 1 to 20 (default 1): ids and spaces numbered on from the config's, each pod's scenario 7 s after the previous one's.", DefaultValueFactory = _ => 1 };
            VerbInputs.Range(pods, 1, 20, "pods of one site");
            var siteCapacity = new Option<int>("--site-capacity") { Description = "Site power sharing, 0 to 10000 A (default 0: off): every pod runs with site.enabled and the simulated controller's heartbeat gives this capacityA." };
            VerbInputs.Range(siteCapacity, 0, 10000, "A; 0 leaves sharing off");
            var stepCapacity = new Option<int>("--site-step-capacity") { Description = "With --site-capacity: the capacity, 0 to 10000 A (0: no step), the controller's heartbeat gives from --site-step-seconds on (sent at once)." };
            VerbInputs.Range(stepCapacity, 0, 10000, "A; 0 keeps the capacity");
            var stepSeconds = new Option<int>("--site-step-seconds") { Description = "When the controller steps to --site-step-capacity, 0 to 86400 s after the start of the run (default 60).", DefaultValueFactory = _ => 60 };
            VerbInputs.Range(stepSeconds, 0, 86400, "seconds after the start");
            var console = new Option<bool>("--console") { Description = "Attach the pod's serial console to stdin/stdout (type help); no live view; the run ends when stdin ends." };
            var command = new Command("run", "Run a virtual pod live on a private mosquitto broker on a free loopback port; Ctrl-C stops both.");
            command.Options.Add(config);
            command.Options.Add(scenario);
            command.Options.Add(seconds);
            command.Options.Add(data);
            command.Options.Add(pods);
            command.Options.Add(siteCapacity);
            command.Options.Add(stepCapacity);
            command.Options.Add(stepSeconds);
            command.Options.Add(console);
            command.SetAction(parse => Run(parse.GetValue(config), parse.GetValue(scenario), parse.GetValue(seconds), parse.GetValue(data), parse.GetValue(console), parse.GetValue(pods),
                parse.GetValue(siteCapacity), parse.GetValue(stepCapacity), parse.GetValue(stepSeconds)));
            return command;
        }

        /// <summary>Scenario offset between two pods of <c>--pods</c>, in ms, so they are not in lock step.</summary>
        public const int PodOffsetMs = 7000;

        /// <summary>
        /// Pod <paramref name="index"/> of a site started from <paramref name="baseId"/>: index 0 is the id itself, then
        /// a trailing number counts on with its width kept (pod-017, pod-018, ...), or "-2", "-3" ... are appended.
        /// </summary>
        public static string NumberedId(string baseId, int index)
        {
            if (index == 0)
            {
                return baseId;
            }

            int digits = baseId.Length;
            while (digits > 0 && char.IsAsciiDigit(baseId[digits - 1]))
            {
                digits--;
            }

            if (digits == baseId.Length || baseId.Length - digits > 9)
            {
                return baseId + "-" + (index + 1);
            }

            string number = (long.Parse(baseId.Substring(digits), System.Globalization.CultureInfo.InvariantCulture) + index).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return baseId.Substring(0, digits) + number.PadLeft(baseId.Length - digits, '0');
        }

        // One virtual pod of the run and where it is in the scenario.
        private sealed class Member
        {
            public LivePod Live;
            public int Next;
            public long StartMs = -1;
            public long OffsetMs;
        }

        private static int Run(FileInfo configFile, FileInfo scenarioFile, int seconds, DirectoryInfo dataDirectory, bool withConsole, int podCount, int siteCapacityA = 0, int stepCapacityA = 0, int stepSeconds = 60)
        {
            Core.Config.PodConfig config;
            ScenarioStep[] steps;
            var configs = new Core.Config.PodConfig[podCount];
            try
            {
                config = ConfigFile.Load(configFile.FullName);
                configs[0] = config;
                for (int i = 1; i < podCount; i++)
                {
                    configs[i] = ConfigFile.Load(configFile.FullName);
                    configs[i].PodId = NumberedId(config.PodId, i);
                    configs[i].ParkingSpace = Math.Min(9999, config.ParkingSpace + i);
                }

                for (int i = 0; i < podCount && siteCapacityA > 0; i++)
                {
                    configs[i].Site.Enabled = true;
                }

                steps = ScenarioParser.Parse(VerbInputs.ReadText(scenarioFile, "scenario"));
                VerbInputs.RequireDirectory(dataDirectory, "--data");
            }
            catch (Exception e) when (e is ConfigFileException || e is ScenarioException || e is VerbInputException)
            {
                Console.Error.WriteLine("pod run: " + e.Message);
                return 2;
            }

            using var broker = new MosquittoBroker();
            // The pod itself: the same wiring the integration tests use, on the wall clock. Its flash is --data, or a
            // temporary directory removed at exit.
            using var live = new LivePod(config, "127.0.0.1", broker.Port, new RealTimeClock(), dataDirectory?.FullName);
            var members = new Member[podCount];
            members[0] = new Member { Live = live };
            for (int i = 1; i < podCount; i++)
            {
                string flash = dataDirectory == null ? null : Directory.CreateDirectory(Path.Combine(dataDirectory.FullName, configs[i].PodId)).FullName;
                members[i] = new Member { Live = new LivePod(configs[i], "127.0.0.1", broker.Port, new RealTimeClock(), flash), OffsetMs = (long)i * PodOffsetMs };
                members[i].Live.Start();
            }

            VirtualPod pod = live.Pod;
            Topics topics = live.Topics;
            var clock = live.Clock;
            live.Start();
            using var watcher = new MosquittoLink();
            watcher.Subscribe(topics.All, 1);
            watcher.Subscribe("site/" + config.SiteId + "/alarm", 1);
            for (int i = 1; i < podCount; i++)
            {
                watcher.Subscribe(members[i].Live.Topics.Authorize, 1);
            }
            watcher.Start(new MqttLinkOptions { Host = "127.0.0.1", Port = broker.Port, ClientId = config.PodId + "-watch" });
            string dataPath = live.DataDirectory;
            var view = new LiveView(config, broker.Port, topics);
            var log = new LogRing();
            log.Add("pod " + config.PodId + " of " + config.SiteId + ", space " + config.ParkingSpace);
            live.LogPublisher = new LogPublisher(log, live.Link, config.PodId);

            Console.WriteLine("private broker on 127.0.0.1:" + broker.Port + "; pod flash in " + dataPath + "; watch this pod with:");
            Console.WriteLine("  mosquitto_sub -h 127.0.0.1 -p " + broker.Port + " -t '" + topics.All + "' -t 'site/" + config.SiteId + "/alarm' -v");
            if (podCount > 1)
            {
                Console.WriteLine(podCount + " pods of " + config.SiteId + " (" + config.PodId + " to " + configs[podCount - 1].PodId + "); watch them all with:");
                Console.WriteLine("  ./pod watch --broker 127.0.0.1:" + broker.Port + " --site " + config.SiteId);
            }

            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            if (seconds > 0)
            {
                stop.CancelAfter(TimeSpan.FromSeconds(seconds));
            }

            ConsoleServer consoleServer = null;
            if (!withConsole)
            {
                // The first pod's console on a socket, for ./pod console to attach to beside the live view.
                try
                {
                    consoleServer = new ConsoleServer(ConsoleServer.DefaultPath(config.PodId), port =>
                        new ConsoleInterpreter(pod.Controller, config, log, port, new FileConfigStore(configFile.FullName), new ConfigFile.Parser()) { NewLine = "\n" }, log);
                    consoleServer.Start();
                    Console.WriteLine("its serial console: ./pod console --pod " + config.PodId);
                }
                catch (Exception e) when (e is IOException || e is System.Net.Sockets.SocketException)
                {
                    Console.WriteLine("no console socket: " + e.Message);
                }
            }

            using ConsoleServer servedConsole = consoleServer;
            if (withConsole)
            {
                // The console runs on its own thread, as on the board, and hands actions to the tick through the controller.
                var port = new StreamConsolePort(Console.OpenStandardInput(), Console.Out);
                var interpreter = new ConsoleInterpreter(pod.Controller, config, log, port, new FileConfigStore(configFile.FullName), new ConfigFile.Parser()) { NewLine = "\n" };
                var loop = new ConsoleLoop(port, interpreter, new LineAssembler(LineAssembler.DefaultMaxChars), new SleepPause());
                log.Add("console on stdin/stdout");
                new Thread(() => { loop.Run(); stop.Cancel(); }) { IsBackground = true, Name = "console" }.Start();
            }

            // The back end's card desk: the cards of scenarios/cards.txt (beside the scenario), hashed with the site's key.
            CardBackEnd cards = null;
            string cardsFile = Path.Combine(scenarioFile.DirectoryName ?? ".", "cards.txt");
            if (config.Card.Enabled)
            {
                cards = new CardBackEnd(config.Card.HashKeyHex);
                if (File.Exists(cardsFile))
                {
                    cards.Load(cardsFile);
                }
            }

            var inbound = new MqttInboundMessage();
            long nextBeatMs = 0;
            long beatSeq = 0;
            void Loop(Action refresh)
            {
                long nextTickMs = 0;
                while (!stop.IsCancellationRequested)
                {
                    long now = clock.MonotonicMs;
                    if (now >= nextTickMs)
                    {
                        // The scenario's clock starts once the pod hears the controller: its command subscription is then live
                        // (it subscribes to cmd before the heartbeat), so no scripted command is published into the void.
                        bool podListening = true;
                        foreach (Member member in members)
                        {
                            VirtualPod each = member.Live.Pod;
                            bool listening = each.Controller.Heartbeat.BeatCount > 0;
                            podListening &= listening;
                            if (listening && member.StartMs < 0 && (siteCapacityA == 0 || JoinedSite(each)))
                            {
                                // With sharing on, also once the pod has its view of the site: before that it refuses a start.
                                member.StartMs = now + member.OffsetMs;
                            }

                            while (member.StartMs >= 0 && member.Next < steps.Length && steps[member.Next].TimeMs <= now - member.StartMs)
                            {
                                ScenarioStep step = steps[member.Next++];
                                if (step.Kind == ScenarioStepKind.Command)
                                {
                                    // The watcher plays the back end: the signed command goes through the broker like a real one.
                                    byte[] envelope = each.SignCommand(step.Text).Envelope;
                                    watcher.Publish(member.Live.Topics.Command, envelope, envelope.Length, 1, false, out _);
                                }
                                else
                                {
                                    each.Apply(step);
                                }
                            }
                        }

                        if (siteCapacityA > 0 && stepCapacityA > 0 && siteCapacityA != stepCapacityA && now >= stepSeconds * 1000L)
                        {
                            // The controller steps the site's capacity and says so in a heartbeat at once.
                            log.Add("controller: capacityA " + siteCapacityA + " -> " + stepCapacityA);
                            siteCapacityA = stepCapacityA;
                            nextBeatMs = now;
                        }

                        if (now >= nextBeatMs)
                        {
                            // ... and the site controller, whose heartbeat also gives the pod its time (and with
                            // --site-capacity the site's capacity).
                            byte[] beat = Encoding.UTF8.GetBytes("{\"t\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + ",\"seq\":" + ++beatSeq +
                                (siteCapacityA > 0 ? ",\"capacityA\":" + siteCapacityA : "") + "}");
                            watcher.Publish(topics.Heartbeat, beat, beat.Length, 0, false, out _);
                            nextBeatMs = now + (podListening ? config.Heartbeat.PeriodMs : 200);
                        }

                        foreach (Member member in members)
                        {
                            member.Live.Step();
                        }

                        Member first = members[0];
                        view.NextStep = first.Next >= steps.Length ? null
                            : first.StartMs < 0 ? "when the pod hears the controller: " + Describe(steps[first.Next])
                            : "in " + Math.Max(0, (steps[first.Next].TimeMs - (now - first.StartMs) + 999) / 1000) + " s: " + Describe(steps[first.Next]);

                        nextTickMs += config.TickPeriodMs;
                        if (now - nextTickMs >= config.TickPeriodMs)
                        {
                            // Far behind (a slow terminal redraw): re-base rather than fire a burst of catch-up ticks.
                            nextTickMs = now + config.TickPeriodMs;
                        }
                    }

                    while (watcher.TryTakeMessage(inbound))
                    {
                        string text = Encoding.UTF8.GetString(inbound.Payload, 0, inbound.Length);
                        view.Receive(inbound.Topic, text);
                        foreach (Member member in members)
                        {
                            // A card read asks the back end, which answers with a signed start or refuse_card.
                            string answer = cards != null && inbound.Topic == member.Live.Topics.Authorize ? cards.Answer(text) : null;
                            if (answer != null)
                            {
                                byte[] envelope = member.Live.Pod.SignCommand(answer).Envelope;
                                watcher.Publish(member.Live.Topics.Command, envelope, envelope.Length, 1, false, out _);
                            }
                        }
                    }

                    refresh();
                    Thread.Sleep(10);
                }
            }

            if (withConsole)
            {
                Loop(() => { });
            }
            else if (Console.IsOutputRedirected)
            {
                Loop(view.PrintNewLines);
            }
            else
            {
                AnsiConsole.Live(view.Render()).Start(ctx => Loop(() => { ctx.UpdateTarget(view.Render()); }));
            }

            // A clean disconnect suppresses the Will, so the pod says "offline" itself first.
            for (int i = members.Length - 1; i >= 0; i--)
            {
                members[i].Live.StopCleanly();
                if (i > 0)
                {
                    members[i].Live.Dispose();
                }
            }

            Console.WriteLine("stopped: pod offline, broker down");
            return 0;
        }

        // Whether the pod's site share has its view of the site (not isolated), under the share's lock as the firmware reads it.
        private static bool JoinedSite(VirtualPod pod)
        {
            Core.Site.SiteShare share = pod.Controller.Site;
            if (share == null)
            {
                return true;
            }

            Monitor.Enter(share);
            try
            {
                return !share.Isolated;
            }
            finally
            {
                Monitor.Exit(share);
            }
        }

        // A scenario step as its line read: target and value (a command by its JSON).
        private static string Describe(ScenarioStep step)
        {
            if (step.Kind == ScenarioStepKind.Command)
            {
                return "cmd " + step.Text;
            }

            return step.Target + " " + (step.Text ?? step.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        private sealed class SleepPause : IThreadPause
        {
            public void Pause(int milliseconds) => Thread.Sleep(milliseconds);
        }
    }
}

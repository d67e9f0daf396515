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
            var console = new Option<bool>("--console") { Description = "Attach the pod's serial console to stdin/stdout (type help); no live view; the run ends when stdin ends." };
            var command = new Command("run", "Run a virtual pod live on a private mosquitto broker on a free loopback port; Ctrl-C stops both.");
            command.Options.Add(config);
            command.Options.Add(scenario);
            command.Options.Add(seconds);
            command.Options.Add(data);
            command.Options.Add(console);
            command.SetAction(parse => Run(parse.GetValue(config), parse.GetValue(scenario), parse.GetValue(seconds), parse.GetValue(data), parse.GetValue(console)));
            return command;
        }

        private static int Run(FileInfo configFile, FileInfo scenarioFile, int seconds, DirectoryInfo dataDirectory, bool withConsole)
        {
            Core.Config.PodConfig config;
            ScenarioStep[] steps;
            try
            {
                config = ConfigFile.Load(configFile.FullName);
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
            VirtualPod pod = live.Pod;
            Topics topics = live.Topics;
            var clock = live.Clock;
            live.Start();
            using var watcher = new MosquittoLink();
            watcher.Subscribe(topics.All, 1);
            watcher.Subscribe("site/" + config.SiteId + "/alarm", 1);
            watcher.Start(new MqttLinkOptions { Host = "127.0.0.1", Port = broker.Port, ClientId = config.PodId + "-watch" });
            string dataPath = live.DataDirectory;
            var view = new LiveView(config, broker.Port, topics);
            var log = new LogRing();
            log.Add("pod " + config.PodId + " of " + config.SiteId + ", space " + config.ParkingSpace);
            live.LogPublisher = new LogPublisher(log, live.Link, config.PodId);

            Console.WriteLine("private broker on 127.0.0.1:" + broker.Port + "; pod flash in " + dataPath + "; watch this pod with:");
            Console.WriteLine("  mosquitto_sub -h 127.0.0.1 -p " + broker.Port + " -t '" + topics.All + "' -t 'site/" + config.SiteId + "/alarm' -v");

            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            if (seconds > 0)
            {
                stop.CancelAfter(TimeSpan.FromSeconds(seconds));
            }

            if (withConsole)
            {
                // The console runs on its own thread, as on the board, and hands actions to the tick through the controller.
                var port = new StreamConsolePort(Console.OpenStandardInput(), Console.Out);
                var interpreter = new ConsoleInterpreter(pod.Controller, config, log, port, new FileConfigStore(configFile.FullName), new ConfigFile.Parser()) { NewLine = "\n" };
                var loop = new ConsoleLoop(port, interpreter, new LineAssembler(LineAssembler.DefaultMaxChars), new SleepPause());
                log.Add("console on stdin/stdout");
                new Thread(() => { loop.Run(); stop.Cancel(); }) { IsBackground = true, Name = "console" }.Start();
            }

            int next = 0;
            var inbound = new MqttInboundMessage();
            long nextBeatMs = 0;
            long scenarioStartMs = -1;
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
                        bool podListening = pod.Controller.Heartbeat.BeatCount > 0;
                        if (podListening && scenarioStartMs < 0)
                        {
                            scenarioStartMs = now;
                        }

                        while (podListening && next < steps.Length && steps[next].TimeMs <= now - scenarioStartMs)
                        {
                            ScenarioStep step = steps[next++];
                            if (step.Kind == ScenarioStepKind.Command)
                            {
                                // The watcher plays the back end: the signed command goes through the broker like a real one.
                                byte[] envelope = pod.SignCommand(step.Text).Envelope;
                                watcher.Publish(topics.Command, envelope, envelope.Length, 1, false, out _);
                            }
                            else
                            {
                                pod.Apply(step);
                            }
                        }

                        if (now >= nextBeatMs)
                        {
                            // ... and the site controller, whose heartbeat also gives the pod its time.
                            byte[] beat = Encoding.UTF8.GetBytes("{\"t\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + ",\"seq\":" + ++beatSeq + "}");
                            watcher.Publish(topics.Heartbeat, beat, beat.Length, 0, false, out _);
                            nextBeatMs = now + (podListening ? config.Heartbeat.PeriodMs : 200);
                        }

                        live.Step();
                        nextTickMs += config.TickPeriodMs;
                        if (now - nextTickMs >= config.TickPeriodMs)
                        {
                            // Far behind (a slow terminal redraw): re-base rather than fire a burst of catch-up ticks.
                            nextTickMs = now + config.TickPeriodMs;
                        }
                    }

                    while (watcher.TryTakeMessage(inbound))
                    {
                        view.Receive(inbound.Topic, Encoding.UTF8.GetString(inbound.Payload, 0, inbound.Length));
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
            live.StopCleanly();
            Console.WriteLine("stopped: pod offline, broker down");
            return 0;
        }

        private sealed class SleepPause : IThreadPause
        {
            public void Pause(int milliseconds) => Thread.Sleep(milliseconds);
        }
    }
}

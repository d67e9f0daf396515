using System;
using System.IO;
using PodFirmware.Core.Config;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.Storage;

namespace PodFirmware.Host.Simulation
{
    /// <summary>
    /// A <see cref="VirtualPod"/> on a real MQTT broker: the pod's flash is a <see cref="DirectoryBlobStore"/>, its
    /// alarms, records and results go through the store-first <see cref="Outbox"/> and <see cref="ReliablePublisher"/>,
    /// and the <see cref="MessagingPump"/> (commands and heartbeat enabled, wired by the portable <see cref="MessagingStack"/> as on the board) speaks over a <see cref="MosquittoLink"/>
    /// that registers the pod's retained Last Will ("offline" on <c>pods/{podId}/availability</c>).
    /// The caller drives it: <see cref="Step"/> is one control tick plus one pump.
    /// </summary>
    /// <remarks>
    /// Time: on a <see cref="VirtualClock"/> (the default, at <see cref="ScenarioRun.StartUtc"/>) each <see cref="Step"/>
    /// advances the clock by <c>tickPeriodMs</c> after ticking and pumping, so the pod lives in virtual time while only
    /// the broker runs in real time; on any other clock (e.g. <see cref="RealTimeClock"/>) the caller paces the steps.
    /// The pod's UTC is the clock's, so commands signed with <see cref="VirtualPod.SignCommand"/> carry a <c>ts</c> inside
    /// the authenticator's window. Not thread-safe: drive it from one thread.
    /// </remarks>
    public sealed class LivePod : IDisposable
    {
        private readonly bool _ownsDirectory;
        private bool _started;

        /// <summary>
        /// Builds the pod for a broker at <paramref name="brokerHost"/>:<paramref name="brokerPort"/> without connecting
        /// (see <see cref="Start"/>).
        /// </summary>
        /// <param name="config">Validated pod config.</param>
        /// <param name="brokerHost">Broker host name or address.</param>
        /// <param name="brokerPort">Broker TCP port.</param>
        /// <param name="clock">The pod's clock; null for a fresh <see cref="VirtualClock"/> at 0 ms and UTC <see cref="ScenarioRun.StartUtc"/>.</param>
        /// <param name="dataDirectory">Directory standing in for the pod's flash; null for a fresh temporary one, deleted on <see cref="Dispose"/>.</param>
        public LivePod(PodConfig config, string brokerHost, int brokerPort, IClock clock = null, string dataDirectory = null)
        {
            Config = config;
            if (clock == null)
            {
                var virtualClock = new VirtualClock();
                virtualClock.SetUtc(ScenarioRun.StartUtc);
                clock = virtualClock;
            }

            Clock = clock;
            _ownsDirectory = dataDirectory == null;
            DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("pod-live-").FullName;
            Store = new DirectoryBlobStore(DataDirectory);
            Pod = new VirtualPod(config, clock, Store);
            Topics = new Topics(config.PodId, config.SiteId);
            LinkOptions = CreateLinkOptions(config, brokerHost, brokerPort);
            Link = new MosquittoLink();
            var messaging = new MessagingStack(config, Link, Pod.Controller, Store, false);
            Outbox = messaging.Outbox;
            Publisher = messaging.Publisher;
            Pump = messaging.Pump;
        }

        /// <summary>The config the pod runs with.</summary>
        public PodConfig Config { get; }

        /// <summary>The pod's clock; a <see cref="VirtualClock"/> unless one was given.</summary>
        public IClock Clock { get; }

        /// <summary>The pod itself: twins, controller, command signing.</summary>
        public VirtualPod Pod { get; }

        /// <summary>The pod's flash directory.</summary>
        public string DataDirectory { get; }

        /// <summary>The pod's persistent store over <see cref="DataDirectory"/>.</summary>
        public DirectoryBlobStore Store { get; }

        /// <summary>This pod's topic names.</summary>
        public Topics Topics { get; }

        /// <summary>The pod's MQTT link (not started until <see cref="Start"/>).</summary>
        public MosquittoLink Link { get; }

        /// <summary>The options <see cref="Start"/> connects with, including the Last Will.</summary>
        public MqttLinkOptions LinkOptions { get; }

        /// <summary>The store-first queue of alarms, session records and command results.</summary>
        public Outbox Outbox { get; }

        /// <summary>Publishes the outbox and removes records once the broker acknowledged them.</summary>
        public ReliablePublisher Publisher { get; }

        /// <summary>The pod's side of the MQTT contract.</summary>
        public MessagingPump Pump { get; }

        /// <summary>Publishes the console's log ring on <c>pods/{podId}/log</c> after each pump; null for none.</summary>
        public PodFirmware.Core.Console.LogPublisher LogPublisher { get; set; }

        /// <summary>
        /// The pod's link options for a broker at <paramref name="host"/>:<paramref name="port"/>: client id = pod id,
        /// retained Last Will "offline" on <c>pods/{podId}/availability</c>, reconnect backoff 200 ms to 2000 ms.
        /// </summary>
        public static MqttLinkOptions CreateLinkOptions(PodConfig config, string host, int port)
        {
            var options = new MqttLinkOptions
            {
                Host = host,
                Port = port,
                ReconnectMinMs = 200,
                ReconnectMaxMs = 2000,
            };
            MessagingStack.ApplyIdentity(options, config);
            return options;
        }

        /// <summary>Starts the link (returns at once; it connects and reconnects in the background).</summary>
        public void Start()
        {
            Link.Start(LinkOptions);
            _started = true;
        }

        /// <summary>
        /// One step at the clock's current time: tells the controller whether the network is up, runs the control tick,
        /// pumps messaging, then advances a virtual clock by <c>tickPeriodMs</c>.
        /// </summary>
        public void Step()
        {
            Pod.Controller.NetworkUp = Link.IsConnected;
            Pod.Tick();
            Pump.Pump(Clock.MonotonicMs);
            LogPublisher?.Pump(Clock.MonotonicMs);
            if (Clock is VirtualClock virtualClock)
            {
                virtualClock.AdvanceMs(Config.TickPeriodMs);
            }
        }

        /// <summary>Steps until the clock has advanced by at least <paramref name="durationMs"/> ms (virtual clock only).</summary>
        /// <exception cref="InvalidOperationException">The clock is not a <see cref="VirtualClock"/>.</exception>
        public void RunFor(long durationMs)
        {
            if (!(Clock is VirtualClock))
            {
                throw new InvalidOperationException("RunFor needs a virtual clock; pace a real-time pod with Step");
            }

            long until = Clock.MonotonicMs + durationMs;
            while (Clock.MonotonicMs < until)
            {
                Step();
            }
        }

        /// <summary>
        /// Publishes the retained "offline" availability (a clean disconnect makes the broker drop the Will) when
        /// connected, then disconnects.
        /// </summary>
        public void StopCleanly()
        {
            if (_started && Link.IsConnected)
            {
                byte[] offline = System.Text.Encoding.UTF8.GetBytes("offline");
                Link.Publish(Topics.Availability, offline, offline.Length, 1, true, out _);
            }

            Link.Stop();
            _started = false;
        }

        /// <summary>Drops the link without a farewell and deletes a temporary flash directory.</summary>
        public void Dispose()
        {
            Link.Dispose();
            if (_ownsDirectory)
            {
                try
                {
                    Directory.Delete(DataDirectory, true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }
}

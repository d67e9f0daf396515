using System;
using System.Diagnostics;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// The pod's messaging side wired from its config, the same on the board and in <c>./pod run</c>: the
    /// store-first <see cref="Store.Outbox"/> over the pod's blob store, the <see cref="ReliablePublisher"/>,
    /// the <see cref="MessagingPump"/> with commands (a fresh <see cref="CommandAuthenticator"/>) and the
    /// heartbeat enabled, and the link identity (client id, retained Last Will).
    /// </summary>
    /// <remarks>Built once at boot (allocates freely); the parts are then owned by the messaging thread.</remarks>
    public sealed class MessagingStack
    {
        /// <summary>Payload of the retained availability message the broker publishes when the pod vanishes.</summary>
        public const string OfflinePayload = "offline";

        /// <summary>Wires the messaging side of <paramref name="controller"/> over <paramref name="link"/>.</summary>
        /// <param name="config">The validated pod config.</param>
        /// <param name="link">The MQTT link (started or not).</param>
        /// <param name="controller">The control core the pump serves.</param>
        /// <param name="store">The pod's flash, where the outbox keeps its records and the command keys live.</param>
        /// <param name="productionBuild"><c>true</c> on a production build: commands checked with the public demo key are refused (<c>demo_key</c>).</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public MessagingStack(PodConfig config, IMqttLink link, PodController controller, IBlobStore store, bool productionBuild)
        {
            if (config == null || link == null || controller == null || store == null)
            {
                throw new ArgumentNullException("config, link, controller and store are all required");
            }

            Outbox = new Outbox(store, config.Outbox.Capacity, config.Outbox.MaxPayloadBytes);
            Publisher = new ReliablePublisher(link, Outbox, config.Outbox.MaxInFlight, config.Outbox.AckTimeoutMs);
            Pump = new MessagingPump(config, link, controller, Publisher);
            Authenticator = config.Commands.CreateAuthenticator(config.PodId, store, productionBuild);
            Pump.EnableCommands(Authenticator, controller.Commands, controller.Utc);
            Pump.EnableHeartbeat(controller.Heartbeat);
            if (controller.Site != null)
            {
                Pump.EnableSite(controller.Site);
            }

            if (config.Card.Enabled && controller.CardReader != null)
            {
                Pump.EnableCards(new CardDesk(config, controller.CardReader, controller));
            }
        }

        /// <summary>The store-first queue of alarms, session records and command results.</summary>
        public Outbox Outbox { get; private set; }

        /// <summary>Publishes the outbox and removes records once the broker acknowledged them.</summary>
        public ReliablePublisher Publisher { get; private set; }

        /// <summary>The pod's side of the MQTT contract, commands and heartbeat enabled.</summary>
        public MessagingPump Pump { get; private set; }

        /// <summary>The authenticator the pump verifies commands with (its replay horizon is set once UTC is known).</summary>
        public CommandAuthenticator Authenticator { get; private set; }

        /// <summary>
        /// Starts <paramref name="link"/> with <see cref="CreateLinkOptions"/> and wires the messaging side and its
        /// <see cref="MessagingLoopCore"/>; the caller runs the loop on its own thread. Any failure leaves the pod
        /// offline: the link is stopped again (no connection with nothing behind it), <see cref="PodController.NetworkUp"/>
        /// is false, and null is returned. Never throws; never touches the relay.
        /// </summary>
        /// <param name="config">The validated pod config.</param>
        /// <param name="link">The board's MQTT link, not started yet.</param>
        /// <param name="controller">The control core the pump serves.</param>
        /// <param name="store">The pod's flash, for the outbox.</param>
        /// <param name="clock">Monotonic time and the system clock.</param>
        /// <param name="sntp">The SNTP client the loop starts once online; null when there is none.</param>
        /// <param name="control">The tick loop the messaging loop watches.</param>
        /// <param name="pause">How the messaging thread waits between pumps.</param>
        /// <param name="productionBuild"><c>true</c> on a production build (the board's Release build): the public demo key is refused.</param>
        /// <returns>The loop to run, or null when messaging could not start.</returns>
        public static MessagingLoopCore TryStartLoop(PodConfig config, IMqttLink link, PodController controller, IBlobStore store, IClock clock, INetworkTime sntp, ControlLoopCore control, IThreadPause pause, bool productionBuild)
        {
            try
            {
                link.Start(CreateLinkOptions(config));
                MessagingStack stack = new MessagingStack(config, link, controller, store, productionBuild);
                return new MessagingLoopCore(stack.Pump, link, controller, clock, sntp, control, pause);
            }
            catch (Exception ex)
            {
                Debug.WriteLine(String.Concat("[boot] messaging not started, the pod runs offline: ", ex.Message));
                StopQuietly(link);

                if (controller != null)
                {
                    controller.NetworkUp = false;
                }

                return null;
            }
        }

        /// <summary>
        /// The board's link options: broker, TLS material, credentials, keep-alive and reconnect delays from
        /// the config's <c>mqtt</c> section, then the pod's identity (<see cref="ApplyIdentity"/>).
        /// </summary>
        /// <param name="config">The validated pod config.</param>
        /// <returns>New options.</returns>
        public static MqttLinkOptions CreateLinkOptions(PodConfig config)
        {
            MqttLinkOptions options = new MqttLinkOptions();
            config.Mqtt.ApplyTo(options);
            ApplyIdentity(options, config);
            return options;
        }

        /// <summary>
        /// Sets the client id to the pod id and the retained Last Will <see cref="OfflinePayload"/> on
        /// <c>pods/{podId}/availability</c>; the pump publishes the retained "online" on the same topic after
        /// every connect (docs/mqtt.md).
        /// </summary>
        /// <param name="options">The options to complete.</param>
        /// <param name="config">The pod config naming the pod and its site.</param>
        public static void ApplyIdentity(MqttLinkOptions options, PodConfig config)
        {
            options.ClientId = config.PodId;
            options.WillTopic = new Topics(config.PodId, config.SiteId).Availability;
            options.WillPayload = OfflinePayload;
            options.WillRetain = true;
        }

        private static void StopQuietly(IMqttLink link)
        {
            if (link == null)
            {
                return;
            }

            try
            {
                link.Stop();
            }
            catch (Exception ex)
            {
                Debug.WriteLine(String.Concat("[boot] stopping the MQTT link failed: ", ex.Message));
            }
        }
    }
}

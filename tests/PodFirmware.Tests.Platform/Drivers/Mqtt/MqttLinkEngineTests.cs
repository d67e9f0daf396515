using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Mqtt;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Mqtt
{
    [TestClass]
    public class MqttLinkEngineTests
    {
        private const string Will = "pods/P-1/availability";
        private const string Commands = "pods/P-1/cmd/#";
        private const string Heartbeat = "site/S-1/heartbeat";

        private sealed class Rig
        {
            public readonly VirtualClock Clock = new VirtualClock();
            public readonly PinnedRandom Random = new PinnedRandom();
            public readonly FakeMqttClientPort Client;
            public readonly MqttLinkEngine Link;

            public Rig(int inbound, int outbound, int acks)
            {
                Client = new FakeMqttClientPort(Clock);
                Link = new MqttLinkEngine(Client, Clock, Random, inbound, outbound, acks);
            }

            public void Open()
            {
                MqttLinkOptions options = new MqttLinkOptions();
                options.Host = "broker";
                options.ClientId = "P-1";
                options.WillTopic = Will;
                options.WillPayload = "offline";
                options.ReconnectMinMs = 500;
                options.ReconnectMaxMs = 30000;
                Link.Open(options);
            }

            /// <summary>Runs steps, letting each asked-for wait pass, until <paramref name="connects"/> connects were made.</summary>
            public void RunUntilConnects(int connects)
            {
                for (int guard = 0; guard < 10000 && Client.Connects < connects; guard++)
                {
                    int waitMs = Link.RunOnce();
                    Assert.IsTrue(waitMs >= 0, "the link keeps running");
                    Clock.AdvanceMs(waitMs);
                }

                Assert.AreEqual(connects, Client.Connects);
            }

            public void Lose(string reason)
            {
                Link.OnConnectionLost(Link.Session, reason);
            }

            public int PublishText(string topic, int qos)
            {
                byte[] payload = new byte[] { 0x6F, 0x6B };
                int id;
                Assert.IsTrue(Link.Publish(topic, payload, payload.Length, qos, false, out id), "publish accepted");
                return id;
            }
        }

        private static Rig Connected()
        {
            Rig rig = new Rig(4, 4, 8);
            rig.Link.Subscribe(Commands, 1);
            rig.Link.Subscribe(Heartbeat, 0);
            rig.Open();
            rig.Link.RunOnce();
            Assert.IsTrue(rig.Link.IsConnected);
            return rig;
        }

        [TestMethod]
        public static void Connects_at_once_with_the_Will_and_subscribes_every_topic_before_it_reports_connected()
        {
            Rig rig = new Rig(4, 4, 8);
            rig.Link.Subscribe(Commands, 1);
            rig.Open();
            Assert.AreEqual(1, rig.Client.Prepared);
            Assert.AreSame(rig.Link, rig.Client.Engine);
            Assert.IsFalse(rig.Link.IsConnected);
            Assert.AreEqual(-1, rig.Link.LastConnectResult);

            rig.Link.RunOnce();

            Assert.AreEqual(1, rig.Client.Connects);
            Assert.AreEqual(0L, rig.Client.ConnectAtMs[0]);
            Assert.AreEqual(Will, rig.Client.ConnectWillTopic[0]);
            Assert.AreEqual(1, rig.Client.SubscribedOn(1, Commands));
            Assert.IsTrue(rig.Link.IsConnected);
            Assert.AreEqual(0, rig.Link.LastConnectResult);
            Assert.IsNull(rig.Link.LastError);

            // a topic added while connected is sent on the next step, once
            rig.Link.Subscribe(Heartbeat, 0);
            rig.Link.RunOnce();
            rig.Link.RunOnce();
            Assert.AreEqual(1, rig.Client.SubscribedOn(1, Heartbeat));
            Assert.AreEqual(1, rig.Client.SubscribedOn(1, Commands));
        }

        [TestMethod]
        public static void Subscribing_again_with_another_QoS_resends_the_topic_and_the_list_is_bounded()
        {
            Rig rig = Connected();
            rig.Link.Subscribe(Commands, 0);
            rig.Link.RunOnce();
            Assert.AreEqual(2, rig.Client.SubscribedOn(1, Commands), "sent again with its new QoS");

            for (int i = 2; i < MqttLinkEngine.MaxSubscriptions; i++)
            {
                rig.Link.Subscribe("t/" + i, 0);
            }

            Assert.ThrowsException(typeof(InvalidOperationException), () => rig.Link.Subscribe("one/too/many", 0));
            rig.Link.Subscribe(Heartbeat, 1);
        }

        [TestMethod]
        public static void Failed_attempts_wait_the_minimum_then_double_up_to_the_maximum_at_the_top_of_the_jitter()
        {
            Rig rig = new Rig(4, 4, 8);
            rig.Random.Highest = true;
            rig.Client.FailWith = "connection refused";
            rig.Open();

            rig.RunUntilConnects(9);

            long[] expected = new long[] { 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000 };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], rig.Client.ConnectAtMs[i + 1] - rig.Client.ConnectAtMs[i], "wait before attempt " + (i + 2));
            }

            Assert.IsFalse(rig.Link.IsConnected);
            Assert.AreEqual(9, rig.Client.Disconnects, "every failed attempt releases its client");
            Assert.AreEqual("connect to broker:1883 failed: connection refused", rig.Link.LastError);
        }

        [TestMethod]
        public static void At_the_bottom_of_the_jitter_a_wait_is_half_the_delay_but_never_below_the_minimum()
        {
            Rig rig = new Rig(4, 4, 8);
            rig.Random.Highest = false;
            rig.Client.FailWith = "timeout";
            rig.Open();

            rig.RunUntilConnects(8);

            long[] expected = new long[] { 500, 500, 1000, 2000, 4000, 8000, 15000 };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], rig.Client.ConnectAtMs[i + 1] - rig.Client.ConnectAtMs[i], "wait before attempt " + (i + 2));
            }
        }

        [TestMethod]
        public static void A_refused_CONNACK_is_reported_in_words_and_retried_with_backoff()
        {
            Rig rig = new Rig(4, 4, 8);
            rig.Random.Highest = true;
            rig.Client.ConnackCode = 5;
            rig.Open();

            rig.RunUntilConnects(3);

            Assert.AreEqual(5, rig.Link.LastConnectResult);
            Assert.AreEqual("broker refused the connection: not authorised (CONNACK 5)", rig.Link.LastError);
            Assert.IsFalse(rig.Link.IsConnected);
            Assert.IsFalse(rig.Client.IsOpen, "a refused connection is closed");
            Assert.AreEqual(1000L, rig.Client.ConnectAtMs[2] - rig.Client.ConnectAtMs[1]);

            rig.Client.ConnackCode = 0;
            rig.RunUntilConnects(4);
            rig.Link.RunOnce();
            Assert.IsTrue(rig.Link.IsConnected);
            Assert.AreEqual(0, rig.Link.LastConnectResult);
        }

        [TestMethod]
        public static void After_a_lost_connection_it_reconnects_after_the_minimum_and_resubscribes_every_topic_with_the_Will()
        {
            Rig rig = Connected();
            rig.Random.Highest = true;
            rig.Clock.AdvanceMs(60000);

            rig.Lose("connection closed");
            Assert.IsFalse(rig.Link.IsConnected, "down at once, before the link thread ran");
            Assert.AreEqual("connection closed", rig.Link.LastError);
            int id;
            Assert.IsFalse(rig.Link.Publish("pods/P-1/status", new byte[1], 1, 1, false, out id), "no publish while down");
            Assert.AreEqual(0, id);

            rig.RunUntilConnects(2);

            Assert.AreEqual(500L, rig.Client.ConnectAtMs[1] - 60000);
            Assert.AreEqual(2, rig.Client.ConnectSession[1]);
            Assert.AreEqual(Will, rig.Client.ConnectWillTopic[1], "the Will is in every CONNECT");
            Assert.AreEqual(1, rig.Client.SubscribedOn(2, Commands));
            Assert.AreEqual(1, rig.Client.SubscribedOn(2, Heartbeat));
            Assert.IsTrue(rig.Link.IsConnected);
            Assert.IsTrue(rig.Client.Disconnects >= 1, "the broken client was released");

            // a report about the old connection changes nothing
            rig.Link.OnConnectionLost(1, "late news");
            Assert.IsTrue(rig.Link.IsConnected);
            Assert.AreEqual("connection closed", rig.Link.LastError);
        }

        [TestMethod]
        public static void Several_losses_in_a_row_each_start_again_from_the_minimum_once_connections_were_accepted()
        {
            Rig rig = Connected();
            rig.Random.Highest = true;

            for (int n = 2; n <= 4; n++)
            {
                long lostAt = rig.Clock.MonotonicMs;
                rig.Lose("keep-alive timeout");
                rig.RunUntilConnects(n);
                Assert.AreEqual(500L, rig.Client.ConnectAtMs[n - 1] - lostAt, "wait after loss " + (n - 1));
                Assert.AreEqual(1, rig.Client.SubscribedOn(n, Commands));
            }
        }

        [TestMethod]
        public static void A_subscribe_that_fails_counts_as_a_lost_connection()
        {
            Rig rig = new Rig(4, 4, 8);
            rig.Link.Subscribe(Commands, 1);
            rig.Open();
            rig.Client.BrokenWith = "socket closed";

            int waitMs = rig.Link.RunOnce();

            Assert.IsFalse(rig.Link.IsConnected);
            Assert.AreEqual(0, waitMs, "the broken connection is closed in the very next step");
            Assert.AreEqual("subscribe failed: socket closed", rig.Link.LastError);
            rig.Client.BrokenWith = null;
            rig.RunUntilConnects(2);
            Assert.AreEqual(1, rig.Client.SubscribedOn(2, Commands));
        }

        [TestMethod]
        public static void Publish_copies_the_payload_and_the_link_thread_hands_it_over_in_order()
        {
            Rig rig = Connected();
            byte[] buffer = new byte[] { 1, 2, 3, 9 };
            int first;
            Assert.IsTrue(rig.Link.Publish("a", buffer, 3, 0, true, out first));
            buffer[0] = 7;
            int second = rig.PublishText("b", 1);
            Assert.AreEqual(0, first, "QoS 0 has no id");
            Assert.AreEqual(1, second);
            Assert.AreEqual(0, rig.Client.Publishes, "callers never reach the client");

            rig.Link.RunOnce();

            Assert.AreEqual(2, rig.Client.Publishes);
            Assert.AreEqual("a", rig.Client.PublishTopic[0]);
            Assert.AreEqual(3, rig.Client.PublishPayload[0].Length);
            Assert.AreEqual((byte)1, rig.Client.PublishPayload[0][0]);
            Assert.AreEqual("b", rig.Client.PublishTopic[1]);
            Assert.AreEqual(1, rig.Client.PublishQos[1]);
        }

        [TestMethod]
        public static void The_outbound_queue_is_bounded_and_a_busy_client_keeps_the_message_first_in_line()
        {
            Rig rig = Connected();
            for (int i = 0; i < 4; i++)
            {
                rig.PublishText("t" + i, 0);
            }

            int id;
            Assert.IsFalse(rig.Link.Publish("t4", new byte[1], 1, 0, false, out id), "full");

            rig.Client.Busy = true;
            rig.Link.RunOnce();
            Assert.AreEqual(0, rig.Client.Publishes);
            Assert.IsFalse(rig.Link.Publish("t4", new byte[1], 1, 0, false, out id), "still full");

            rig.Client.Busy = false;
            rig.Link.RunOnce();
            Assert.AreEqual(4, rig.Client.Publishes);
            Assert.AreEqual("t0", rig.Client.PublishTopic[0]);
            Assert.AreEqual("t3", rig.Client.PublishTopic[3]);
            Assert.IsTrue(rig.Link.Publish("t4", new byte[1], 1, 0, false, out id), "room again");
        }

        [TestMethod]
        public static void A_message_the_client_rejects_for_good_is_dropped_and_does_not_block_the_queue()
        {
            Rig rig = Connected();
            rig.Client.RejectTopic = "bad/+";
            rig.PublishText("bad/+", 1);
            rig.PublishText("good", 1);

            rig.Link.RunOnce();

            Assert.AreEqual(1, rig.Client.Publishes);
            Assert.AreEqual("good", rig.Client.PublishTopic[0]);
            Assert.IsTrue(rig.Link.IsConnected, "a rejected message is no connection failure");
            Assert.AreEqual("publish on bad/+ rejected by the client", rig.Link.LastError);
        }

        [TestMethod]
        public static void Acks_map_packet_ids_to_link_ids_and_an_id_of_an_old_connection_is_never_acked_by_a_new_one()
        {
            Rig rig = Connected();
            int before = rig.PublishText("alarm", 1);
            rig.Link.RunOnce();
            Assert.AreEqual(1, rig.Client.PublishPacketId[0]);

            rig.Lose("gone");
            rig.RunUntilConnects(2);
            int after = rig.PublishText("alarm", 1);
            rig.Link.RunOnce();
            Assert.IsTrue(after > before, "link ids increase across reconnects");
            Assert.AreEqual(1, rig.Client.PublishPacketId[1], "the new client reuses packet id 1");

            // the old connection's PUBACK for packet 1 arrives late, then the new one's
            rig.Link.OnPublishCompleted(1, 1, true);
            rig.Link.RunOnce();
            int acked;
            Assert.IsFalse(rig.Link.TryTakeAck(out acked), "a report of connection 1 acks nothing on connection 2");

            rig.Link.OnPublishCompleted(2, 1, true);
            rig.Link.RunOnce();
            Assert.IsTrue(rig.Link.TryTakeAck(out acked));
            Assert.AreEqual(after, acked);
            Assert.IsFalse(rig.Link.TryTakeAck(out acked));
        }

        [TestMethod]
        public static void Acks_of_every_publish_in_flight_or_queued_are_kept_until_taken()
        {
            // two in flight, four queued: six publishes between two takes, the most a caller can have outstanding
            Rig rig = new Rig(4, 4, 2);
            rig.Open();
            rig.Link.RunOnce();
            int first = rig.PublishText("result", 1);
            rig.PublishText("result", 1);
            rig.Link.RunOnce();
            for (int i = 0; i < 4; i++)
            {
                rig.PublishText("result", 1);
            }

            for (int handed = 0; handed < 6; handed++)
            {
                rig.Link.OnPublishCompleted(1, rig.Client.PublishPacketId[handed], true);
                rig.Link.RunOnce();
            }

            Assert.AreEqual(6, rig.Client.Publishes);
            int acked;
            for (int i = 0; i < 6; i++)
            {
                Assert.IsTrue(rig.Link.TryTakeAck(out acked), "ack kept");
                Assert.AreEqual(first + i, acked);
            }

            Assert.IsFalse(rig.Link.TryTakeAck(out acked));
        }

        [TestMethod]
        public static void A_QoS0_completion_or_a_publish_the_client_gave_up_on_produces_no_ack()
        {
            Rig rig = Connected();
            rig.PublishText("telemetry", 0);
            rig.PublishText("alarm", 1);
            rig.Link.RunOnce();

            rig.Link.OnPublishCompleted(1, rig.Client.PublishPacketId[0], true);
            rig.Link.OnPublishCompleted(1, rig.Client.PublishPacketId[1], false);
            rig.Link.RunOnce();

            int acked;
            Assert.IsFalse(rig.Link.TryTakeAck(out acked));
        }

        [TestMethod]
        public static void QoS1_publishes_in_flight_are_bounded_by_the_ack_capacity()
        {
            Rig rig = new Rig(4, 4, 2);
            rig.Open();
            rig.Link.RunOnce();
            rig.PublishText("a", 1);
            rig.PublishText("b", 1);
            rig.PublishText("c", 1);
            rig.Link.RunOnce();
            Assert.AreEqual(2, rig.Client.Publishes, "two in flight, the third waits");

            rig.Link.OnPublishCompleted(1, 1, true);
            rig.Link.RunOnce();
            rig.Link.RunOnce();
            Assert.AreEqual(3, rig.Client.Publishes);
        }

        [TestMethod]
        public static void The_client_should_read_only_while_the_inbound_queue_is_at_most_half_full()
        {
            Rig rig = new Rig(4, 4, 8);
            rig.Open();
            rig.Link.OnMessageReceived("m", new byte[] { 1 });
            rig.Link.OnMessageReceived("m", new byte[] { 2 });
            Assert.IsTrue(rig.Link.WantsInbound, "two of four");
            Assert.AreEqual(0, rig.Link.ReadPauseCount);

            rig.Link.OnMessageReceived("m", new byte[] { 3 });
            Assert.IsFalse(rig.Link.WantsInbound, "three of four");
            Assert.IsFalse(rig.Link.WantsInbound, "asked again");
            Assert.AreEqual(1, rig.Link.ReadPauseCount, "one pause, however often it is asked");
        }

        [TestMethod]
        public static void The_client_reads_on_past_half_full_while_acknowledgements_are_needed_to_publish_more()
        {
            Rig rig = new Rig(4, 4, 1);
            rig.Open();
            rig.Link.RunOnce();
            rig.PublishText("result", 1);
            rig.Link.RunOnce();
            for (int i = 0; i < 3; i++)
            {
                rig.Link.OnMessageReceived("m", new byte[] { (byte)i });
            }

            Assert.IsTrue(rig.Link.WantsInbound, "the one publish in flight waits for its PUBACK, which follows the unread messages");

            rig.Link.OnPublishCompleted(1, rig.Client.PublishPacketId[0], true);
            rig.Link.RunOnce();
            Assert.IsFalse(rig.Link.WantsInbound, "acknowledged: three of four is above half again");
        }

        [TestMethod]
        public static void Taking_the_message_that_makes_room_again_wakes_the_paused_client_once()
        {
            Rig rig = new Rig(4, 4, 8);
            rig.Open();
            for (int i = 0; i < 4; i++)
            {
                rig.Link.OnMessageReceived("m", new byte[] { (byte)i });
            }

            Assert.IsFalse(rig.Link.WantsInbound);
            int wakes = rig.Client.Wakes;
            MqttInboundMessage into = new MqttInboundMessage();
            Assert.IsTrue(rig.Link.TryTakeMessage(into));
            Assert.AreEqual(wakes, rig.Client.Wakes, "three of four: still no room to read");

            Assert.IsTrue(rig.Link.TryTakeMessage(into));
            Assert.AreEqual(wakes + 1, rig.Client.Wakes, "two of four: read again now");

            Assert.IsTrue(rig.Link.TryTakeMessage(into));
            Assert.AreEqual(wakes + 1, rig.Client.Wakes, "not paused any more: no further wake");
            Assert.IsTrue(rig.Link.WantsInbound);
            Assert.AreEqual(1, rig.Link.ReadPauseCount);
        }

        [TestMethod]
        public static void The_inbound_queue_keeps_the_oldest_messages_and_counts_what_it_drops()
        {
            Rig rig = new Rig(2, 4, 8);
            rig.Open();
            rig.Link.OnMessageReceived("m", new byte[] { 1 });
            rig.Link.OnMessageReceived("m", new byte[] { 2 });
            rig.Link.OnMessageReceived("m", new byte[] { 3 });
            Assert.AreEqual(1, rig.Link.DroppedInboundCount);

            MqttInboundMessage into = new MqttInboundMessage();
            Assert.IsTrue(rig.Link.TryTakeMessage(into));
            Assert.AreEqual("m", into.Topic);
            Assert.AreEqual(1, into.Length);
            Assert.AreEqual((byte)1, into.Payload[0]);
            Assert.IsTrue(rig.Link.TryTakeMessage(into));
            Assert.AreEqual((byte)2, into.Payload[0]);
            Assert.IsFalse(rig.Link.TryTakeMessage(into));

            rig.Link.OnMessageReceived("m", new byte[] { 4 });
            Assert.IsTrue(rig.Link.TryTakeMessage(into));
            Assert.AreEqual((byte)4, into.Payload[0]);
            Assert.AreEqual(1, rig.Link.DroppedInboundCount);
        }

        [TestMethod]
        public static void Stop_hands_over_what_is_queued_waits_for_its_ack_then_disconnects_once()
        {
            Rig rig = Connected();
            rig.PublishText("pods/P-1/availability", 1);
            rig.Link.Stop();
            int id;
            Assert.IsFalse(rig.Link.Publish("late", new byte[1], 1, 0, false, out id), "no publish once stopping");

            int waitMs = rig.Link.RunOnce();
            Assert.IsTrue(waitMs > 0, "waits for the acknowledgement");
            Assert.AreEqual(1, rig.Client.Publishes);
            Assert.AreEqual(0, rig.Client.Disconnects);

            rig.Link.OnPublishCompleted(1, 1, true);
            Assert.AreEqual(-1, rig.Link.RunOnce());
            Assert.AreEqual(1, rig.Client.Disconnects);
            Assert.IsFalse(rig.Client.IsOpen);
            Assert.IsFalse(rig.Link.IsConnected);
            Assert.AreEqual(-1, rig.Link.RunOnce(), "stopped for good");
            Assert.AreEqual(1, rig.Client.Disconnects);
        }

        [TestMethod]
        public static void Stop_gives_up_waiting_for_acks_after_the_flush_time()
        {
            Rig rig = Connected();
            rig.PublishText("x", 1);
            rig.Link.Stop();
            Assert.IsTrue(rig.Link.RunOnce() > 0);

            rig.Clock.AdvanceMs(MqttLinkEngine.StopFlushMs);
            Assert.AreEqual(-1, rig.Link.RunOnce());
            Assert.AreEqual(1, rig.Client.Disconnects);
        }

        [TestMethod]
        public static void Stop_while_waiting_to_reconnect_ends_without_another_attempt()
        {
            Rig rig = new Rig(4, 4, 8);
            rig.Client.FailWith = "no route";
            rig.Open();
            rig.Link.RunOnce();
            rig.Link.Stop();
            rig.Clock.AdvanceMs(60000);

            Assert.AreEqual(-1, rig.Link.RunOnce());
            Assert.AreEqual(1, rig.Client.Connects);
        }

        [TestMethod]
        public static void Run_steps_and_idles_in_virtual_time_until_stopped()
        {
            Rig rig = new Rig(4, 4, 8);
            rig.Random.Highest = true;
            rig.Client.FailWith = "down";
            rig.Client.StopOnIdle = rig.Link;
            rig.Client.StopAtIdle = 4;
            rig.Open();

            rig.Link.Run();

            // attempts at 0, 500 and 1500 ms; the idles between them never exceed IdleMs
            Assert.AreEqual(3, rig.Client.Connects);
            Assert.AreEqual(500L, rig.Client.ConnectAtMs[1]);
            Assert.AreEqual(1500L, rig.Client.ConnectAtMs[2]);
            Assert.AreEqual(4, rig.Client.Idles);
            Assert.AreEqual(-1, rig.Link.RunOnce());
        }

        [TestMethod]
        public static void Open_refuses_unusable_options_and_a_second_start()
        {
            Rig rig = new Rig(4, 4, 8);
            MqttLinkOptions options = new MqttLinkOptions();
            options.ClientId = "P-1";
            options.UseTls = true;
            Assert.ThrowsException(typeof(ArgumentException), () => rig.Link.Open(options));

            options.UseTls = false;
            options.ClientCertificate = "cert";
            options.ClientKey = "key";
            Assert.ThrowsException(typeof(ArgumentException), () => rig.Link.Open(options));

            options.ClientCertificate = "";
            options.ClientKey = "";
            options.ReconnectMaxMs = options.ReconnectMinMs - 1;
            Assert.ThrowsException(typeof(ArgumentException), () => rig.Link.Open(options));
            Assert.AreEqual(0, rig.Client.Prepared);

            rig.Open();
            Assert.ThrowsException(typeof(InvalidOperationException), () => rig.Open());
            Assert.AreEqual(1, rig.Client.Prepared, "a second start prepares nothing");
        }

        [TestMethod]
        public static void Backoff_keeps_its_waits_inside_half_the_delay_to_the_delay_and_never_below_the_minimum()
        {
            ReconnectBackoff backoff = new ReconnectBackoff(300, 5000, new RandomSource(42));
            for (int i = 0; i < 200; i++)
            {
                bool accepted = i % 7 == 6;
                int waitMs = backoff.NextWaitMs(accepted);
                int delayMs = backoff.NominalDelayMs;
                Assert.IsTrue(delayMs >= 300 && delayMs <= 5000, "delay " + delayMs);
                Assert.IsTrue(waitMs >= delayMs / 2 && waitMs <= delayMs && waitMs >= 300, "wait " + waitMs + " for delay " + delayMs);
                if (accepted)
                {
                    Assert.AreEqual(300, delayMs);
                }
            }
        }
    }
}

using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Heartbeat;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Tests.Core.Commands;

namespace PodFirmware.Tests.Core.Messaging
{
    [TestClass]
    public class MessagingPumpTests
    {
        private const string ResultTopic = "pods/P-017/cmd/result";
        private const string CommandTopic = "pods/P-017/cmd";

        private sealed class Rig
        {
            public readonly FakeMqttLink Link = new FakeMqttLink();
            public readonly EventRing Events = new EventRing(16, 4);
            public readonly PodStatus Status = new PodStatus();
            public readonly UtcTime Utc = new UtcTime();
            public readonly CommandQueue Queue;
            public readonly HeartbeatMonitor Heartbeat;
            public readonly MessagingPump Pump;

            public Rig(int queueCapacity, bool timeSet)
                : this(queueCapacity, timeSet, new MemoryBlobStore())
            {
            }

            /// <summary>A pod booted over <paramref name="flash"/>: pass the same store again to simulate a reboot.</summary>
            public Rig(int queueCapacity, bool timeSet, MemoryBlobStore flash)
            {
                var config = new PodConfig();
                config.PodId = SignedCommands.Pod;
                config.SiteId = "S-1";
                config.ParkingSpace = 3;
                Queue = new CommandQueue(queueCapacity);
                Heartbeat = new HeartbeatMonitor(new HeartbeatConfig(), 0, Events, Utc);
                var publisher = new ReliablePublisher(Link, new Outbox(flash, 16, 1024), 16, 30000);
                Pump = new MessagingPump(config, Link, Events, Status, publisher);
                Pump.EnableCommands(SignedCommands.NewAuthenticator(), Queue, Utc);
                Pump.EnableHeartbeat(Heartbeat);
                if (timeSet)
                {
                    // At pump time 1000 ms the pod's UTC is SignedCommands.Now + 1 s.
                    Utc.SetFromSntp(0, SignedCommands.Now * 1000);
                }
            }

            public void Send(byte[] envelope)
            {
                Link.Deliver(CommandTopic, envelope);
                Pump.Pump(1000);
            }

            /// <summary>Stands in for the tick: reports <paramref name="code"/> for command <paramref name="id"/>, then pumps at <paramref name="nowMs"/>.</summary>
            public void TickResult(string id, CommandResultCode code, long nowMs)
            {
                var e = new PodEvent();
                e.Kind = EventKind.CommandResult;
                e.Text = id;
                e.Arg = (int)code;
                Events.TryWrite(e);
                Pump.Pump(nowMs);
            }

            public FakeMqttLink.Sent OnlyResult()
            {
                System.Collections.ArrayList results = Link.On(ResultTopic);
                Assert.AreEqual(1, results.Count, "results published");
                var result = (FakeMqttLink.Sent)results[0];
                Assert.AreEqual(1, result.Qos, "results go at QoS 1");
                Assert.IsFalse(result.Retain);
                return result;
            }
        }

        private static string Stop(string id)
        {
            return SignedCommands.Json("stop", id, SignedCommands.Nonce1, SignedCommands.Now, "");
        }

        [TestMethod]
        public static void Subscribes_commands_at_QoS1_and_the_heartbeat_on_every_connect()
        {
            var rig = new Rig(4, true);
            rig.Pump.Pump(0);
            Assert.AreEqual(2, rig.Link.Subscriptions.Count);
            Assert.AreEqual("pods/P-017/cmd@1", (string)rig.Link.Subscriptions[0]);
            Assert.AreEqual("site/S-1/heartbeat@0", (string)rig.Link.Subscriptions[1]);

            rig.Link.Connected = false;
            rig.Pump.Pump(100);
            rig.Link.Connected = true;
            rig.Pump.Pump(200);
            Assert.AreEqual(4, rig.Link.Subscriptions.Count, "subscribed again after the reconnect");
        }

        [TestMethod]
        public static void A_valid_command_is_queued_for_the_tick_and_answered_only_by_the_tick_result()
        {
            var rig = new Rig(4, true);
            rig.Send(SignedCommands.Sign(Stop("stop-1")));
            Assert.AreEqual(1, rig.Queue.Count, "queued");
            Assert.AreEqual(0, rig.Link.On(ResultTopic).Count, "no result before the tick applied it");

            var taken = new Command();
            Assert.IsTrue(rig.Queue.TryTake(taken));
            Assert.AreEqual("stop-1", taken.Id);
            Assert.AreEqual((int)CommandType.Stop, (int)taken.Type);

            rig.TickResult(taken.Id, CommandResultCode.NoSession, 1100);
            Assert.AreEqual("{\"id\":\"stop-1\",\"ok\":false,\"code\":\"no_session\",\"reason\":\"No charging session is running.\"}", rig.OnlyResult().Text);
        }

        [TestMethod]
        public static void A_forged_command_gets_bad_signature_naming_its_id_and_is_not_queued()
        {
            var rig = new Rig(4, true);
            byte[] genuine = SignedCommands.Sign(Stop("stop-1"));
            rig.Send(SignedCommands.WithSignatureOf(genuine, Stop("forged-1")));
            Assert.AreEqual(0, rig.Queue.Count);
            string text = rig.OnlyResult().Text;
            Assert.Contains("{\"id\":\"forged-1\",\"ok\":false,\"code\":\"bad_signature\",\"reason\":\"", text);
        }

        [TestMethod]
        public static void A_replayed_command_gets_replayed_and_is_queued_only_once()
        {
            var rig = new Rig(4, true);
            byte[] envelope = SignedCommands.Sign(Stop("stop-1"));
            rig.Send(envelope);
            rig.Send(envelope);
            Assert.AreEqual(1, rig.Queue.Count);
            Assert.Contains("\"id\":\"stop-1\",\"ok\":false,\"code\":\"replayed\"", rig.OnlyResult().Text);
        }

        [TestMethod]
        public static void A_command_accepted_before_a_reboot_gets_replayed_after_it_and_a_fresh_one_is_queued()
        {
            var flash = new MemoryBlobStore();
            byte[] envelope = SignedCommands.Sign(Stop("stop-1"));
            var before = new Rig(4, true, flash);
            before.Send(envelope);
            Assert.AreEqual(1, before.Queue.Count, "accepted before the reboot");

            // The reboot: new pump, authenticator and replay memory over the same flash; the envelope is still inside the window.
            var after = new Rig(4, true, flash);
            Assert.IsTrue(after.Pump.ReplayHorizon.HasNewestAccepted);
            after.Send(envelope);
            Assert.AreEqual(0, after.Queue.Count);
            Assert.Contains("\"id\":\"stop-1\",\"ok\":false,\"code\":\"replayed\"", after.OnlyResult().Text);

            after.Send(SignedCommands.Sign(SignedCommands.Json("stop", "stop-2", SignedCommands.Nonce2, SignedCommands.Now + 1, "")));
            Assert.AreEqual(1, after.Queue.Count, "a fresh command is accepted");
        }

        [TestMethod]
        public static void An_expired_command_gets_expired()
        {
            var rig = new Rig(4, true);
            rig.Send(SignedCommands.Sign(SignedCommands.Json("stop", "old-1", SignedCommands.Nonce1, SignedCommands.Now - 600, "")));
            Assert.AreEqual(0, rig.Queue.Count);
            Assert.Contains("\"id\":\"old-1\",\"ok\":false,\"code\":\"expired\"", rig.OnlyResult().Text);
        }

        [TestMethod]
        public static void A_command_for_another_pod_gets_wrong_pod()
        {
            var rig = new Rig(4, true);
            string json = "{\"pod\":\"P-018\",\"id\":\"other-1\",\"ts\":" + SignedCommands.Now.ToString() + ",\"nonce\":\"" + SignedCommands.Nonce1 + "\",\"type\":\"stop\"}";
            rig.Send(SignedCommands.Sign(json));
            Assert.AreEqual(0, rig.Queue.Count);
            Assert.Contains("\"id\":\"other-1\",\"ok\":false,\"code\":\"wrong_pod\"", rig.OnlyResult().Text);
        }

        [TestMethod]
        public static void A_malformed_payload_gets_malformed_with_a_null_id()
        {
            var rig = new Rig(4, true);
            rig.Send(SignedCommands.Bytes("stop now please"));
            Assert.AreEqual(0, rig.Queue.Count);
            Assert.Contains("{\"id\":null,\"ok\":false,\"code\":\"malformed\",\"reason\":\"", rig.OnlyResult().Text);
        }

        [TestMethod]
        public static void An_oversize_payload_gets_too_large_with_a_null_id()
        {
            var rig = new Rig(4, true);
            rig.Send(new byte[CommandAuthenticator.MaxEnvelopeBytes + 1]);
            Assert.AreEqual(0, rig.Queue.Count);
            Assert.Contains("{\"id\":null,\"ok\":false,\"code\":\"too_large\",", rig.OnlyResult().Text);
        }

        [TestMethod]
        public static void Without_valid_UTC_a_signed_command_is_refused_as_expired_because_pod_time_is_not_set()
        {
            var rig = new Rig(4, false);
            rig.Send(SignedCommands.Sign(Stop("stop-1")));
            Assert.AreEqual(0, rig.Queue.Count);
            Assert.AreEqual("{\"id\":\"stop-1\",\"ok\":false,\"code\":\"expired\",\"reason\":\"pod time not set\"}", rig.OnlyResult().Text);
        }

        [TestMethod]
        public static void A_full_queue_answers_busy_and_keeps_the_queued_command()
        {
            var rig = new Rig(1, true);
            rig.Send(SignedCommands.Sign(Stop("stop-1")));
            rig.Send(SignedCommands.Sign(SignedCommands.Json("lock", "lock-1", SignedCommands.Nonce2, SignedCommands.Now, "")));
            Assert.AreEqual(1, rig.Queue.Count);
            Assert.AreEqual("{\"id\":\"lock-1\",\"ok\":false,\"code\":\"busy\",\"reason\":\"The pod is busy (command queue, result store or intake full); nothing was applied; send again.\"}", rig.OnlyResult().Text);
        }

        [TestMethod]
        public static void A_full_outbox_answers_busy_unstored_and_neither_verifies_nor_evicts()
        {
            var rig = new Rig(4, true);
            for (int i = 0; i < 16; i++)
            {
                // refused at once; each result is stored and stays until the broker acknowledges it (it never does here)
                rig.Send(new byte[] { (byte)'x' });
            }

            Assert.IsTrue(rig.Pump.Publisher.Outbox.IsFull);
            rig.Send(SignedCommands.Sign(Stop("stop-1")));
            Assert.AreEqual(0, rig.Queue.Count, "not applied");
            Assert.AreEqual(0, rig.Pump.Publisher.Outbox.OverflowCount, "no stored record evicted");
            Assert.AreEqual(1, rig.Pump.BusyUnstoredCount);
            Assert.AreEqual(0, rig.Pump.LostResultCount);
            System.Collections.ArrayList results = rig.Link.On(ResultTopic);
            Assert.AreEqual(17, results.Count);
            var busy = (FakeMqttLink.Sent)results[16];
            Assert.AreEqual("{\"id\":\"stop-1\",\"ok\":false,\"code\":\"busy\",\"reason\":\"The pod is busy (command queue, result store or intake full); nothing was applied; send again.\"}", busy.Text);
            Assert.AreEqual(1, busy.Qos);
        }

        [TestMethod]
        public static void The_outbox_keeps_a_slot_for_the_result_the_tick_owes_so_a_later_command_gets_busy_instead()
        {
            var rig = new Rig(4, true);
            for (int i = 0; i < 15; i++)
            {
                // refused at once; each result is stored and stays until the broker acknowledges it (it never does here)
                rig.Send(new byte[] { (byte)'x' });
            }

            rig.Send(SignedCommands.Sign(Stop("stop-1")));
            Assert.AreEqual(1, rig.Queue.Count, "one slot free: taken, and the slot is now owed to its result");

            rig.Send(SignedCommands.Sign(SignedCommands.Json("lock", "lock-1", SignedCommands.Nonce2, SignedCommands.Now, "")));
            Assert.AreEqual(1, rig.Queue.Count, "one slot free, and it is owed: not verified, not queued");
            Assert.AreEqual(1, rig.Pump.BusyUnstoredCount);

            var taken = new Command();
            Assert.IsTrue(rig.Queue.TryTake(taken));
            rig.TickResult(taken.Id, CommandResultCode.NoSession, 1100);

            Assert.AreEqual(0, rig.Pump.Publisher.Outbox.OverflowCount, "the owed result found its slot");
            System.Collections.ArrayList results = rig.Link.On(ResultTopic);
            Assert.AreEqual("{\"id\":\"stop-1\",\"ok\":false,\"code\":\"no_session\",\"reason\":\"No charging session is running.\"}", ((FakeMqttLink.Sent)results[results.Count - 1]).Text);
        }

        [TestMethod]
        public static void The_status_names_the_current_command_key_and_is_published_again_at_once_after_a_rotation()
        {
            var rig = new Rig(4, true);
            rig.Pump.Pump(0);
            System.Collections.ArrayList statuses = rig.Link.On("pods/P-017/status");
            Assert.AreEqual(1, statuses.Count);
            Assert.IsTrue(((FakeMqttLink.Sent)statuses[0]).Text.IndexOf("\"commandKey\":\"k1\"") > 0, ((FakeMqttLink.Sent)statuses[0]).Text);

            rig.Send(SignedCommands.Sign(SignedCommands.RotateJson("rot-1", SignedCommands.Nonce1, SignedCommands.Now, "k2", SignedCommands.FilledKey(7), SignedCommands.Key())));
            rig.Pump.Pump(1050);

            statuses = rig.Link.On("pods/P-017/status");
            Assert.AreEqual(2, statuses.Count, "published again well inside the status period");
            Assert.IsTrue(((FakeMqttLink.Sent)statuses[1]).Text.IndexOf("\"commandKey\":\"k2\"") > 0, ((FakeMqttLink.Sent)statuses[1]).Text);
        }

        [TestMethod]
        public static void A_backlog_beyond_what_may_wait_is_answered_busy_at_once_unverified_and_unapplied()
        {
            var rig = new Rig(4, true);
            byte[] genuine = SignedCommands.Sign(Stop("stop-0"));
            int waiting = MessagingPump.MaxInboundPerPump + MessagingPump.ShedAboveWaiting + 10;
            for (int i = 0; i < waiting; i++)
            {
                if (i == MessagingPump.MaxInboundPerPump + 3)
                {
                    rig.Link.Deliver("site/S-1/heartbeat", SignedCommands.Bytes("{}"));
                    continue;
                }

                // forged: a command the pump verified would be refused bad_signature, never answered busy
                rig.Link.Deliver(CommandTopic, SignedCommands.WithSignatureOf(genuine, Stop("c-" + i.ToString())));
            }

            rig.Pump.Pump(1000);

            Assert.AreEqual(MessagingPump.ShedAboveWaiting, rig.Link.InboundCount, "the backlog left is what may wait");
            Assert.AreEqual(9, rig.Pump.ShedCount, "ten shed, one of them the heartbeat, which is handled, not answered");
            Assert.AreEqual(1, rig.Heartbeat.BeatCount);
            Assert.AreEqual(0, rig.Queue.Count, "nothing applied");
            System.Collections.ArrayList results = rig.Link.On(ResultTopic);
            Assert.AreEqual(MessagingPump.MaxInboundPerPump + 9, results.Count);

            // the shed answers go out at once; the pump's verified share follows through the store
            var shed = (FakeMqttLink.Sent)results[0];
            Assert.AreEqual("{\"id\":\"c-16\",\"ok\":false,\"code\":\"busy\",\"reason\":\"The pod is busy (command queue, result store or intake full); nothing was applied; send again.\"}", shed.Text);
            Assert.AreEqual("{\"id\":\"c-0\",\"ok\":false,\"code\":\"bad_signature\",\"reason\":\"signature does not match the command bytes\"}", ((FakeMqttLink.Sent)results[9]).Text);
            Assert.AreEqual(1, shed.Qos);

            rig.Pump.Pump(1050);
            Assert.AreEqual(9, rig.Pump.ShedCount, "what may wait is not shed");
            Assert.AreEqual(MessagingPump.ShedAboveWaiting - MessagingPump.MaxInboundPerPump, rig.Link.InboundCount);
        }

        [TestMethod]
        public static void Shedding_stops_when_the_link_refuses_an_answer_and_the_rest_stays_queued()
        {
            var rig = new Rig(4, true);
            int waiting = MessagingPump.MaxInboundPerPump + MessagingPump.ShedAboveWaiting + 10;
            for (int i = 0; i < waiting; i++)
            {
                rig.Link.Deliver(CommandTopic, SignedCommands.Bytes("not json " + i.ToString()));
            }

            rig.Link.AcceptPublishes = 0;
            rig.Pump.Pump(1000);

            Assert.AreEqual(1, rig.Pump.ShedCount, "one taken, its answer refused");
            Assert.AreEqual(1, rig.Pump.LostResultCount);
            Assert.AreEqual(waiting - MessagingPump.MaxInboundPerPump - 1, rig.Link.InboundCount, "the rest left in the link");
        }

        [TestMethod]
        public static void A_damaged_stored_record_is_a_status_warning_and_one_store_damaged_event()
        {
            var flash = new MemoryBlobStore();
            var rig = new Rig(4, false, flash);
            rig.Pump.Pump(0);
            long sequence;
            rig.Pump.Publisher.Outbox.Append(RecordKind.Session, new byte[] { (byte)'{', (byte)'}' }, 2, out sequence);
            byte[] blob = new byte[64];
            int length = flash.Read("outbox-00", blob);
            blob[OutboxRecordFormat.HeaderLength] ^= 0x10;
            flash.Write("outbox-00", blob, length);

            var rebooted = new Rig(4, false, flash);
            rebooted.Pump.Pump(0);
            rebooted.Pump.Pump(100);
            Assert.AreEqual(1, rebooted.Status.StoreDamaged);
            System.Collections.ArrayList events = rebooted.Link.On("pods/P-017/events");
            Assert.AreEqual(1, events.Count, "reported once");
            var sent = (FakeMqttLink.Sent)events[0];
            Assert.AreEqual("{\"t\":null,\"uptimeMs\":0,\"event\":\"store_damaged\",\"pod\":\"P-017\",\"count\":1,\"seq\":" + sequence.ToString() + ",\"kind\":\"session\"}", sent.Text);
            Assert.AreEqual(1, sent.Qos);
            System.Collections.ArrayList statuses = rebooted.Link.On("pods/P-017/status");
            string status = ((FakeMqttLink.Sent)statuses[statuses.Count - 1]).Text;
            Assert.Contains("\"warnings\":[\"StoreRecordDamaged\"]", status);
            Assert.Contains("\"store\":{\"pending\":0,\"overflow\":false,\"damaged\":1}", status);
        }

        [TestMethod]
        public static void A_get_status_result_embeds_the_status_document()
        {
            var rig = new Rig(4, true);
            rig.Status.UptimeMs = 5000;
            rig.Send(SignedCommands.Sign(SignedCommands.Json("get_status", "gs-1", SignedCommands.Nonce1, SignedCommands.Now, "")));
            var taken = new Command();
            Assert.IsTrue(rig.Queue.TryTake(taken));
            var e = new PodEvent();
            e.Kind = EventKind.CommandResult;
            e.Text = taken.Id;
            rig.Events.TryWrite(e);
            rig.Pump.Pump(1100);
            Assert.Contains("{\"id\":\"gs-1\",\"ok\":true,\"code\":\"ok\",\"reason\":\"Applied.\",\"status\":{\"pod\":\"P-017\",\"site\":\"S-1\",\"space\":3,", rig.OnlyResult().Text);
        }

        [TestMethod]
        public static void A_heartbeat_is_handed_to_the_monitor_and_sets_the_pod_clock()
        {
            var rig = new Rig(4, false);
            rig.Link.Deliver("site/S-1/heartbeat", SignedCommands.Bytes("{\"t\":1767225600000,\"seq\":17}"));
            rig.Pump.Pump(2000);
            Assert.AreEqual(1, rig.Heartbeat.BeatCount);
            Assert.IsTrue(rig.Utc.IsValid);
            Assert.AreEqual(1767225601000L, rig.Utc.UtcMs(3000));
        }

        [TestMethod]
        public static void An_alarm_goes_to_the_pod_and_site_alarm_topics_at_QoS1_with_one_id()
        {
            var rig = new Rig(4, true);
            var e = new PodEvent();
            e.Kind = EventKind.Alarm;
            e.TimeMs = 500;
            e.Code = FaultCode.OverVoltage;
            rig.Events.TryWrite(e);
            rig.Pump.Pump(1000);
            System.Collections.ArrayList pod = rig.Link.On("pods/P-017/alarm");
            System.Collections.ArrayList site = rig.Link.On("site/S-1/alarm");
            Assert.AreEqual(1, pod.Count);
            Assert.AreEqual(1, site.Count);
            var sent = (FakeMqttLink.Sent)pod[0];
            Assert.AreEqual(1, sent.Qos);
            Assert.AreEqual(sent.Text, ((FakeMqttLink.Sent)site[0]).Text);
            Assert.Contains("{\"id\":\"P-017-1\",\"seq\":1,", sent.Text);
            Assert.Contains("\"t\":\"2026-01-01T00:00:00.500Z\"", sent.Text);
        }

        [TestMethod]
        public static void A_session_record_goes_to_the_session_topic_at_QoS1()
        {
            var rig = new Rig(4, true);
            var e = new PodEvent();
            e.Kind = EventKind.Session;
            e.Record.SessionId = "start-1";
            rig.Events.TryWrite(e);
            rig.Pump.Pump(1000);
            System.Collections.ArrayList sessions = rig.Link.On("pods/P-017/session");
            Assert.AreEqual(1, sessions.Count);
            Assert.AreEqual(1, ((FakeMqttLink.Sent)sessions[0]).Qos);
            Assert.Contains("{\"id\":\"start-1\",\"pod\":\"P-017\",", ((FakeMqttLink.Sent)sessions[0]).Text);
        }
    }
}

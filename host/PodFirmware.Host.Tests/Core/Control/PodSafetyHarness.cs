using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Events;
using PodFirmware.Core.Scenarios;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Simulation;

namespace PodFirmware.Host.Tests.Core.Control
{
    /// <summary>
    /// Runs one random history against a whole <see cref="VirtualPod"/> whose relay coil and lock actuators are wrapped
    /// in <see cref="WriteSpy"/> outputs, and checks the pod's safety rules at every write, after every tick and around
    /// every forged command. <see cref="Failure"/> holds the first broken rule with the step that broke it.
    /// </summary>
    public sealed class PodSafetyHarness
    {
        /// <summary>The pod's command key (the demo key of nf-device-config/pods/pod-demo.json).</summary>
        public const string KeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

        /// <summary>Circle fence centre latitude, °.</summary>
        public const double FenceLatDeg = 48.117;

        /// <summary>Circle fence centre longitude, °.</summary>
        public const double FenceLonDeg = 11.516;

        private static readonly byte[] WrongKey = Convert.FromHexString("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100");
        // Variant 1 also shortens the move timeout and the reservation window, so histories cross them more often.
        private static readonly PodConfig[] Configs =
        {
            Parse("\"heartbeat\":{\"onLost\":\"continue\"}"),
            Parse("\"heartbeat\":{\"onLost\":\"stop\"},\"ev\":{\"ventilationAllowed\":true},\"session\":{\"reservationDefaultS\":60},\"locks\":{\"moveAccounts\":[\"tech-ana\",\"tech-ben\"],\"moveTimeoutMs\":60000}"),
        };

        private readonly Dictionary<string, PodStep> _sent = new Dictionary<string, PodStep>();
        private readonly HashSet<string> _answered = new HashSet<string>();
        private readonly HashSet<string> _forgedIds = new HashSet<string>();
        private readonly HashSet<string> _acceptedStarts = new HashSet<string>();
        private readonly List<string> _pendingSessionIds = new List<string>();
        private readonly PodEvent _event = new PodEvent();
        private byte[] _lastGenuineEnvelope;
        private string _lastGenuineId;
        private string _lastAcceptedUnlockAccount;
        private int _pendingLockReleases;
        private bool _inTick;
        private int _forgedCount;
        private string _step = "construction";

        /// <summary>
        /// A fresh pod on a virtual clock at 0 ms with UTC <see cref="ScenarioRun.StartUtc"/>; <paramref name="configIndex"/> picks
        /// the defaults with heartbeat.onLost continue (0), or onLost stop with a 60 s move timeout and reservation window (1).
        /// </summary>
        public PodSafetyHarness(int configIndex)
            : this(Configs[configIndex % Configs.Length])
        {
        }

        /// <summary>A fresh pod like the other constructor's, with the defaults plus <paramref name="sections"/> (JSON members).</summary>
        public PodSafetyHarness(string sections)
            : this(Parse(sections))
        {
        }

        private PodSafetyHarness(PodConfig config)
        {
            Clock = new VirtualClock();
            Clock.SetUtc(ScenarioRun.StartUtc);
            Pod = new VirtualPod(config, Clock, null, ports =>
            {
                RelaySpy = new WriteSpy(ports.Relay);
                WheelSpy = new WriteSpy(ports.WheelLock);
                CableSpy = new WriteSpy(ports.CableLock);
                ports.Relay = RelaySpy;
                ports.WheelLock = WheelSpy;
                ports.CableLock = CableSpy;
            });
            RelaySpy.OnWrite = OnRelayWrite;
            WheelSpy.OnWrite = on => OnLockWrite("wheel", on);
            CableSpy.OnWrite = on => OnLockWrite("cable", on);
        }

        /// <summary>Number of config variants the constructor accepts.</summary>
        public static int ConfigCount => Configs.Length;

        /// <summary>The pod under test.</summary>
        public VirtualPod Pod { get; }

        /// <summary>Its clock.</summary>
        public VirtualClock Clock { get; }

        /// <summary>Spy between the controller and the relay coil.</summary>
        public WriteSpy RelaySpy { get; private set; }

        /// <summary>Spy between the controller and the wheel lock actuator.</summary>
        public WriteSpy WheelSpy { get; private set; }

        /// <summary>Spy between the controller and the cable lock actuator.</summary>
        public WriteSpy CableSpy { get; private set; }

        /// <summary>The first broken rule, with the step and virtual time; null while none broke.</summary>
        public string Failure { get; private set; }

        /// <summary>Every broken rule in order, the first being <see cref="Failure"/>.</summary>
        public List<string> Failures { get; } = new List<string>();

        /// <summary>Relay coil closes (Write(true)) seen.</summary>
        public int RelayCloses { get; private set; }

        /// <summary>Lock actuator releases (Write(true)) seen.</summary>
        public int LockReleases { get; private set; }

        /// <summary>Start commands the tick accepted.</summary>
        public int AcceptedStarts => _acceptedStarts.Count;

        /// <summary>Control ticks run.</summary>
        public int TickCount { get; private set; }

        /// <summary>Ticks that ended with a fault latched.</summary>
        public int LatchedTicks { get; private set; }

        /// <summary>Forged commands sent (all must be refused).</summary>
        public int ForgedCount => _forgedCount;

        /// <summary>Runs <paramref name="steps"/> in order, stopping at the first failure; true when none failed.</summary>
        public bool Run(PodStep[] steps)
        {
            for (int i = 0; i < steps.Length && Failure == null; i++)
            {
                _step = "step " + i.ToString(CultureInfo.InvariantCulture) + " (" + steps[i] + ")";
                Apply(steps[i]);
            }

            return Failure == null;
        }

        /// <summary>Applies one step: a tick run, an input change on the twins, a signed command or a forged one.</summary>
        public void Apply(PodStep step)
        {
            VirtualPod pod = Pod;
            switch (step.Kind)
            {
                case PodStepKind.Tick: Tick(); break;
                case PodStepKind.Ticks: Ticks(step.A); break;
                case PodStepKind.Jump: Ticks(step.A * 1000 / pod.Config.TickPeriodMs); break;
                case PodStepKind.Plug: pod.Apply(ScenarioParser.Parse(step.A % 2 == 0 ? "0 plug in" : "0 plug out")[0]); break;
                case PodStepKind.Dock: pod.Dock.Value = step.A % 2 == 0; break;
                case PodStepKind.Vehicle: pod.Vehicle.Value = step.A % 2 == 0; break;
                case PodStepKind.RelayFeedback: pod.Relay.Fault = RelayFaultOf(PodStep.RelayStates[step.A]); break;
                case PodStepKind.WheelLockSense: pod.WheelLock.Fault = LockFaultOf(PodStep.LockStates[step.A]); break;
                case PodStepKind.CableLockSense: pod.CableLock.Fault = LockFaultOf(PodStep.LockStates[step.A]); break;
                case PodStepKind.Temperature: pod.Temperature.TemperatureC = PodStep.TemperaturesC[step.A]; break;
                case PodStepKind.Current: pod.Apply(ScenarioParser.Parse("0 current_a " + PodStep.CurrentsA[step.A].ToString(CultureInfo.InvariantCulture))[0]); break;
                case PodStepKind.Ev: pod.Apply(ScenarioParser.Parse("0 " + PodStep.EvActions[step.A])[0]); break;
                case PodStepKind.Voltage: pod.Voltage.RmsValue = PodStep.VoltagesV[step.A]; break;
                case PodStepKind.SensorFault:
                {
                    SensorStatus status = SensorStatusOf(PodStep.SensorStates[step.B]);
                    if (step.A == 0)
                    {
                        pod.Temperature.Fault = status;
                    }
                    else if (step.A == 1)
                    {
                        pod.Current.Fault = status;
                    }
                    else
                    {
                        pod.Voltage.Fault = status;
                    }

                    break;
                }

                case PodStepKind.Controller: pod.ControllerUp = step.A % 2 == 0; break;
                case PodStepKind.Position:
                    if (step.A == 0)
                    {
                        pod.Position.Set(FenceLatDeg, FenceLonDeg);
                    }
                    else if (step.A == 1)
                    {
                        pod.Position.Set(FenceLatDeg + 0.01, FenceLonDeg);
                    }
                    else
                    {
                        pod.Position.Lose();
                    }

                    break;
                case PodStepKind.Heal:
                    pod.Temperature.TemperatureC = 25;
                    pod.Voltage.RmsValue = 230;
                    pod.Temperature.Fault = SensorStatus.Ok;
                    pod.Current.Fault = SensorStatus.Ok;
                    pod.Voltage.Fault = SensorStatus.Ok;
                    pod.Relay.Fault = RelayFault.Ok;
                    pod.WheelLock.Fault = LockFault.Ok;
                    pod.CableLock.Fault = LockFault.Ok;
                    pod.Rcd.Fault = RcdFault.Ok;
                    pod.Position.Set(FenceLatDeg, FenceLonDeg);
                    break;
                case PodStepKind.Forged: Forge(step); break;
                case PodStepKind.Rcd:
                    pod.Rcd.Fault = PodStep.RcdStates[step.A] == "fault" ? RcdFault.Fault : PodStep.RcdStates[step.A] == "test_fails" ? RcdFault.TestFails : RcdFault.Ok;
                    pod.Rcd.ResponseMs = PodStep.RcdResponsesMs[step.B];
                    break;
                default: Send(step); break;
            }
        }

        /// <summary>Runs <paramref name="count"/> control ticks, 100 ms apart, checking after each.</summary>
        public void Ticks(int count)
        {
            for (int i = 0; i < count && Failure == null; i++)
            {
                Tick();
            }
        }

        /// <summary>Runs one control tick, drains its events into the model, checks the tick's writes and the end-of-tick state, then advances 100 ms.</summary>
        public void Tick()
        {
            _inTick = true;
            TickCount++;
            Pod.Tick();
            _inTick = false;
            bool unlockAccepted = false;
            while (Pod.Events.TryTake(_event))
            {
                if (_event.Kind == EventKind.CommandResult)
                {
                    unlockAccepted |= OnResult(_event.Text, (CommandResultCode)_event.Arg);
                }
            }

            if (Pod.Events.DroppedCount > 0)
            {
                Fail("the event ring dropped events, the model cannot follow the pod");
            }

            foreach (string id in _pendingSessionIds)
            {
                if (!_acceptedStarts.Contains(id))
                {
                    Fail("relay closed for session '" + id + "' whose start was never accepted");
                }
            }

            _pendingSessionIds.Clear();
            if (_pendingLockReleases > 0 && !(unlockAccepted && IsMover(_lastAcceptedUnlockAccount)))
            {
                Fail("a lock was released in a tick without an accepted unlock by a mover (last accepted unlock: " + (_lastAcceptedUnlockAccount ?? "none") + ")");
            }

            _pendingLockReleases = 0;
            CheckEndOfTick();
            Clock.AdvanceMs(Pod.Config.TickPeriodMs);
        }

        /// <summary>Sends <paramref name="json"/> as the back end would: signed with the pod's key, verified, queued.</summary>
        public CommandIntake SendJson(string json, PodStep step)
        {
            (byte[] envelope, string id) = Pod.SignCommand(json);
            _sent[id] = step;
            CommandIntake intake = Pod.Verify(envelope, id);
            if (intake.Auth != CommandAuthResult.Ok)
            {
                Fail("a genuine command was refused: " + intake.Auth + " " + intake.Reason);
            }
            else if (intake.Queued)
            {
                _lastGenuineEnvelope = envelope;
                _lastGenuineId = id;
            }

            return intake;
        }

        private void Send(PodStep step)
        {
            SendJson(step.CommandJson(), step);
        }

        private void Forge(PodStep step)
        {
            string tamper = PodStep.Tampers[step.A];
            string body = step.CommandJson();
            string id = "forged-" + (++_forgedCount).ToString(CultureInfo.InvariantCulture);
            byte[] envelope;
            if (tamper == "replay_accepted" && _lastGenuineEnvelope != null)
            {
                envelope = (byte[])_lastGenuineEnvelope.Clone();
                id = _lastGenuineId;
            }
            else if (tamper == "wrong_key")
            {
                long utcS = Pod.Controller.Utc.UtcSeconds(Clock.MonotonicMs);
                string json = body.Insert(1, "\"pod\":\"" + Pod.Config.PodId + "\",\"id\":\"" + id + "\",\"ts\":" + utcS.ToString(CultureInfo.InvariantCulture) + ",\"nonce\":\"00112233445566778899aabbccddeeff\",");
                byte[] bytes = Encoding.UTF8.GetBytes(json);
                envelope = CommandSigner.Sign(WrongKey, bytes, bytes.Length);
            }
            else if (tamper == "wrong_pod")
            {
                envelope = Pod.SignCommand(body.Insert(1, "\"pod\":\"pod-018\",\"id\":\"" + id + "\",")).Envelope;
            }
            else if (tamper == "expired")
            {
                long utcS = Pod.Controller.Utc.UtcSeconds(Clock.MonotonicMs) - 1000;
                envelope = Pod.SignCommand(body.Insert(1, "\"id\":\"" + id + "\",\"ts\":" + utcS.ToString(CultureInfo.InvariantCulture) + ",")).Envelope;
            }
            else
            {
                envelope = Pod.SignCommand(body.Insert(1, "\"id\":\"" + id + "\",")).Envelope;
                Tamper(envelope, tamper == "flip_sig_byte", step.B);
            }

            _forgedIds.Add(id);
            string before = Snapshot();
            int queued = Pod.Controller.Commands.Count;
            CommandIntake intake = Pod.Verify(envelope, id);
            if (intake.Auth == CommandAuthResult.Ok || intake.Queued || Pod.Controller.Commands.Count != queued)
            {
                Fail("a forged command (" + tamper + ") was accepted: " + intake.Auth);
            }

            string after = Snapshot();
            if (before != after)
            {
                Fail("a forged command changed the pod: " + before + " -> " + after);
            }
        }

        // Replaces one character of the base64 command or of the hex signature with another of its alphabet,
        // so the envelope stays well formed and only the signature check can refuse it.
        private static void Tamper(byte[] envelope, bool inSignature, int seed)
        {
            string text = Encoding.ASCII.GetString(envelope);
            int cmdStart = text.IndexOf("\"cmd\":\"", StringComparison.Ordinal) + 7;
            int cmdEnd = text.IndexOf('"', cmdStart);
            int sigStart = text.IndexOf("\"sig\":\"", StringComparison.Ordinal) + 7;
            int sigEnd = text.IndexOf('"', sigStart);
            string alphabet = inSignature ? "0123456789abcdef" : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            int start = inSignature ? sigStart : cmdStart;
            int length = (inSignature ? sigEnd : cmdEnd) - start;
            int at = start + (seed % length);
            int index = alphabet.IndexOf((char)envelope[at]);
            if (index < 0)
            {
                // '=' padding: any alphabet character breaks the canonical form.
                index = 0;
            }

            envelope[at] = (byte)alphabet[(index + 1 + (seed % (alphabet.Length - 1))) % alphabet.Length];
        }

        private bool OnResult(string id, CommandResultCode code)
        {
            if (_forgedIds.Contains(id) && !_sent.ContainsKey(id))
            {
                Fail("forged command '" + id + "' reached the tick");
            }

            if (!_answered.Add(id))
            {
                Fail("command '" + id + "' was applied twice (a replay reached the tick)");
            }

            if (code != CommandResultCode.Ok || !_sent.TryGetValue(id, out PodStep step))
            {
                return false;
            }

            if (step.Kind == PodStepKind.Start)
            {
                _acceptedStarts.Add(id);
            }
            else if (step.Kind == PodStepKind.Unlock)
            {
                _lastAcceptedUnlockAccount = PodStep.UnlockAccounts[step.A];
                if (!IsMover(_lastAcceptedUnlockAccount))
                {
                    Fail("unlock accepted for '" + _lastAcceptedUnlockAccount + "', who has no move permission");
                }

                return true;
            }

            return false;
        }

        private void OnRelayWrite(bool energised)
        {
            if (!energised)
            {
                return;
            }

            RelayCloses++;
            PodController c = Pod.Controller;
            if (!_inTick)
            {
                Fail("relay closed outside a control tick");
            }

            if (c.Supervisor.IsLatched)
            {
                Fail("relay closed with " + c.Supervisor.LatchedCode + " latched");
            }

            if (!Pod.Dock.Read())
            {
                Fail("relay closed while undocked");
            }

            if (!c.Session.IsActive)
            {
                Fail("relay closed without an active session");
            }
            else
            {
                _pendingSessionIds.Add(c.Session.Current.SessionId);
            }

            if (!c.Locks.LocksEngaged || c.Locks.IsMoving)
            {
                Fail("relay closed with the locks " + c.Locks.Wheel.State + "/" + c.Locks.Cable.State + (c.Locks.IsMoving ? ", moving" : ""));
            }

            if (!EvAsksInCOrD() || Pod.Ev.DiodeMissing)
            {
                Fail("relay closed with the EV outside C/D or without its diode: " + EvSnapshot());
            }

            if (Pod.Rcd.FaultActive)
            {
                Fail("relay closed with the RCD fault output active");
            }
        }

        // What the EV on the connector physically does: connected, S2 closed, CP not shorted, and D only where ventilation is allowed.
        private bool EvAsksInCOrD()
        {
            SimulatedEv ev = Pod.Ev;
            return ev.Connected && ev.S2Closed && !ev.CpShorted && (!ev.Ventilation || Pod.Config.Ev.VentilationAllowed);
        }

        private string EvSnapshot()
        {
            SimulatedEv ev = Pod.Ev;
            return "connected=" + ev.Connected + " s2=" + ev.S2Closed + " short=" + ev.CpShorted + " diodeMissing=" + ev.DiodeMissing +
                   " ventilation=" + ev.Ventilation + " duty=" + Pod.PilotOutput.DutyPermille;
        }

        private void OnLockWrite(string name, bool energised)
        {
            if (!energised)
            {
                return;
            }

            LockReleases++;
            _pendingLockReleases++;
            PodController c = Pod.Controller;
            if (!_inTick)
            {
                Fail(name + " lock released outside a control tick");
            }

            if (c.Session.IsActive)
            {
                Fail(name + " lock released while session '" + c.Session.Current.SessionId + "' is active");
            }

            if (Pod.Relay.IsEnergised)
            {
                Fail(name + " lock released with the relay coil energised");
            }

            if (c.Supervisor.IsLatched)
            {
                Fail(name + " lock released with " + c.Supervisor.LatchedCode + " latched");
            }
        }

        // Between ticks the coil holds what the last tick decided, so the relay rules must still hold after it.
        private void CheckEndOfTick()
        {
            PodController c = Pod.Controller;
            if (c.Supervisor.IsLatched)
            {
                LatchedTicks++;
            }

            if (Pod.Relay.IsEnergised)
            {
                if (c.Supervisor.IsLatched || !Pod.Dock.Read() || !c.Session.IsActive || !c.Locks.LocksEngaged || c.Locks.IsMoving || Pod.Rcd.FaultActive)
                {
                    Fail("relay coil left energised after a tick on an unsafe pod: " + Snapshot());
                }

                if (!EvAsksInCOrD())
                {
                    Fail("relay coil left energised after a tick with the EV outside C/D: " + EvSnapshot());
                }
            }

            if ((Pod.WheelLock.IsEnergised || Pod.CableLock.IsEnergised) && (c.Session.IsActive || Pod.Relay.IsEnergised))
            {
                Fail("a lock left released after a tick while charging: " + Snapshot());
            }
        }

        private string Snapshot()
        {
            PodController c = Pod.Controller;
            return "coil=" + Pod.Relay.IsEnergised + " wheel=" + Pod.WheelLock.IsEnergised + " cable=" + Pod.CableLock.IsEnergised +
                   " session=" + (c.Session.IsActive ? c.Session.Current.SessionId : "none") + " latched=" + c.Supervisor.IsLatched +
                   " moving=" + c.Locks.IsMoving + " docked=" + Pod.Dock.Read() + " queued=" + c.Commands.Count;
        }

        private void Fail(string what)
        {
            string failure = "t=" + Clock.MonotonicMs.ToString(CultureInfo.InvariantCulture) + " ms, " + _step + ": " + what;
            Failure ??= failure;
            Failures.Add(failure);
        }

        private static bool IsMover(string account) => account != null && Array.IndexOf(PodStep.MoveAccounts, account) >= 0;

        private static RelayFault RelayFaultOf(string state) => state switch
        {
            "stuck_closed" => RelayFault.StuckClosed,
            "stuck_open" => RelayFault.StuckOpen,
            _ => RelayFault.Ok,
        };

        private static LockFault LockFaultOf(string state) => state switch
        {
            "stuck_locked" => LockFault.StuckLocked,
            "stuck_unlocked" => LockFault.StuckUnlocked,
            _ => LockFault.Ok,
        };

        private static SensorStatus SensorStatusOf(string state) => state switch
        {
            "open" => SensorStatus.Open,
            "short" => SensorStatus.Short,
            "stuck" => SensorStatus.Stuck,
            _ => SensorStatus.Ok,
        };

        private static PodConfig Parse(string sections)
        {
            string json = "{\"podId\":\"pod-017\",\"siteId\":\"site-a\",\"parkingSpace\":17," +
                          "\"commands\":{\"keyHex\":\"" + KeyHex + "\",\"replayCapacity\":4096}," +
                          (sections.Contains("\"locks\"", StringComparison.Ordinal) ? "" : "\"locks\":{\"moveAccounts\":[\"tech-ana\",\"tech-ben\"]},") +
                          sections + "," +
                          "\"position\":{\"gnssEnabled\":true,\"geofence\":{\"shape\":\"circle\",\"centerLatDeg\":" +
                          FenceLatDeg.ToString(CultureInfo.InvariantCulture) + ",\"centerLonDeg\":" + FenceLonDeg.ToString(CultureInfo.InvariantCulture) +
                          ",\"radiusM\":100}}}";
            return ConfigFile.Parse(json, "property");
        }
    }
}

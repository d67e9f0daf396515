using System.Collections.Generic;
using FsCheck;
using FsCheck.Fluent;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Session;
using Xunit;

namespace PodFirmware.Host.Tests.Core.Session
{
    /// <summary>Random sequences of commands and input changes against the safety invariants of <see cref="ChargingSession"/>.</summary>
    public class ChargingSessionProperties
    {
        private const int Kinds = 13;

        // Each step is one int: kind = step % Kinds, parameter = step / Kinds (0 to 9).
        private static Gen<int[]> Steps()
        {
            return Gen.Choose(0, (Kinds * 10) - 1).ArrayOf();
        }

        private sealed class Model
        {
            public readonly List<string> Started = new List<string>();
            public readonly List<string> Recorded = new List<string>();
            public int Accepted;
            public bool Running;
            public string Failure;
        }

        [Fact]
        public void Power_is_wanted_only_for_an_accepted_session_on_a_docked_locked_plugged_healthy_pod_and_every_session_emits_one_record()
        {
            Prop.ForAll(Arb.From(Steps()), steps =>
            {
                var config = new SessionConfig { ReservationDefaultS = 60, EvIdleDelayMs = 500, PowerWindowMs = 10000 };
                var ring = new EventRing(64, 0);
                var session = new ChargingSession(config, 32, ring);
                var inputs = new SessionInputs { NowMs = 0, Docked = true, VoltageV = 230, VoltageUsable = true, CurrentA = 16, CurrentUsable = true, TemperatureUsable = true, TemperatureC = 30 };
                var model = new Model();
                var taken = new PodEvent();
                int id = 0;
                bool handedUnsafe = true;
                string[] accounts = { "a", "b" };

                foreach (int step in steps)
                {
                    int kind = step % Kinds;
                    int p = step / Kinds;
                    switch (kind)
                    {
                        case 0:
                            inputs.NowMs += 50 + (p * 2000);
                            inputs.RelayClosed = session.WantsPower;
                            session.Update(inputs);
                            break;
                        case 1: inputs.Docked = !inputs.Docked; break;
                        case 2: inputs.Plugged = !inputs.Plugged; break;
                        case 3: inputs.Moving = !inputs.Moving; break;
                        case 4:
                            inputs.FaultLatched = !inputs.FaultLatched;
                            inputs.LatchedFault = inputs.FaultLatched ? FaultCode.OverCurrent : FaultCode.None;
                            break;
                        case 5: inputs.ControllerLostStop = p < 2; break;
                        case 6: inputs.CurrentA = p * 2.0; inputs.ActiveFaultsMask = p == 9 ? 1 << (int)FaultCode.ControllerLost : 0; break;
                        case 7:
                        {
                            var cmd = new Command { Type = CommandType.Start, Id = "s-" + (id++).ToString(), Account = accounts[p % 2] };
                            if (p >= 4)
                            {
                                cmd.HasMaxEnergy = true;
                                cmd.MaxEnergyWh = p;
                                cmd.HasMaxDuration = true;
                                cmd.MaxDurationS = p * 3;
                                cmd.HasTariff = true;
                                cmd.TariffPerKwhScaled = 3000;
                                cmd.HasMaxAmount = p >= 7;
                                cmd.MaxAmountScaled = 10;
                            }

                            if (session.Start(cmd, inputs) == CommandResultCode.Ok)
                            {
                                model.Accepted++;
                                if (model.Running)
                                {
                                    model.Failure = "a start was accepted while a session ran";
                                }

                                model.Running = true;
                            }

                            break;
                        }

                        case 8: session.Stop(inputs); break;
                        case 9: session.Reserve(accounts[p % 2], p < 5 ? 0 : p * 5, inputs); break;
                        case 10: session.CancelReservation(accounts[p % 2], inputs); break;
                        case 11: session.SetCurrentLimit(p < 3 ? 0 : (p < 6 ? 16 : (p < 9 ? 32 : 40))); break;
                        default:
                            inputs.NowMs += p * 20000;
                            session.Update(inputs);
                            break;
                    }

                    while (ring.TryTake(taken))
                    {
                        if (taken.Kind == EventKind.SessionStarted)
                        {
                            model.Started.Add(taken.Record.SessionId);
                        }
                        else if (taken.Kind == EventKind.Session)
                        {
                            model.Recorded.Add(taken.Record.SessionId);
                            model.Running = false;
                            if (model.Recorded.Count > model.Started.Count || model.Recorded[^1] != model.Started[model.Recorded.Count - 1])
                            {
                                model.Failure = "a record without its start";
                            }
                        }
                    }

                    // Input changes reach the session with the next call that hands it the inputs (SetCurrentLimit takes none).
                    if (kind == 0 || (kind >= 7 && kind != 11))
                    {
                        handedUnsafe = inputs.FaultLatched || !inputs.Docked || inputs.Moving || !inputs.Plugged;
                    }

                    if (session.WantsPower && handedUnsafe)
                    {
                        model.Failure = "power wanted on an unsafe pod after step kind " + kind;
                    }

                    if (session.WantsPower && !model.Running)
                    {
                        model.Failure = "power wanted without an accepted, running start";
                    }

                    if (session.IsActive != model.Running)
                    {
                        model.Failure = "IsActive disagrees with the accepted starts and emitted records";
                    }

                    if (model.Failure != null)
                    {
                        return false.Label(model.Failure);
                    }
                }

                // Unplugging ends whatever runs: every start then has exactly one record.
                inputs.Plugged = false;
                inputs.NowMs += 100;
                session.Update(inputs);
                while (ring.TryTake(taken))
                {
                    if (taken.Kind == EventKind.Session)
                    {
                        model.Recorded.Add(taken.Record.SessionId);
                    }
                }

                return (model.Started.Count == model.Accepted && model.Recorded.Count == model.Accepted && string.Join(",", model.Started) == string.Join(",", model.Recorded) && ring.DroppedCount == 0)
                    .Label($"accepted {model.Accepted}, started {model.Started.Count}, records {model.Recorded.Count}, dropped {ring.DroppedCount}");
            }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1000).WithEndSize(300));
        }
    }
}

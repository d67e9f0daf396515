using System.Threading;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Console;
using PodFirmware.Core.Pilot;
using PodFirmware.Drivers.Pilot;

namespace PodFirmware.Core.Control
{
    /// <summary>
    /// The local (serial console) half of the command path: a technician at the pod hands one action at a time to the
    /// tick (<see cref="TryRequestLocal"/>), as the messaging thread hands it verified commands, and reads the outcome
    /// back (<see cref="LocalDone"/>, <see cref="LocalResult"/>). A local action writes no command-result event (no back
    /// end asked for it); what it changes raises the usual events (a reset's fault_cleared, a relay or lock change).
    /// Bench actions (relay, locks) need <see cref="Config.PodConfig.BenchMode"/> and are refused by the tick itself,
    /// not only by the console, with a plug sensed, a session active or a fault latched; a bench relay closed by
    /// hand opens again as soon as one of those appears. A bench duty on the control pilot (an EV simulator on the bench)
    /// holds the CP at that duty instead of the sequencer's output, never closes the relay by itself, and goes back to
    /// the sequencer at once when one of those appears.
    /// </summary>
    public sealed partial class PodController
    {
        private int _localRequest;
        private int _localCode;
        private int _localResetCode;
        private int _localDone;
        private bool _benchMode;
        private bool _benchRelay;
        private bool _plugged;
        private int _benchDuty = -1;
        private CpState _cpReading = CpState.F;
        private int _cpHighCounts = -1;
        private int _cpLowCounts = -1;
        private int _ppCounts = -1;

        /// <summary>
        /// Console thread: hands <paramref name="action"/> to the next tick. Returns false (nothing handed) while an earlier
        /// action is still waiting. Never blocks; allocates nothing.
        /// </summary>
        public bool TryRequestLocal(LocalAction action)
        {
            return action != LocalAction.None && Interlocked.CompareExchange(ref _localRequest, (int)action, 0) == 0;
        }

        /// <summary>Local actions applied so far; the console waits for it to pass the count it saw before requesting.</summary>
        public int LocalDone
        {
            get { return _localDone; }
        }

        /// <summary>The outcome of the latest applied local action; read after <see cref="LocalDone"/> moved.</summary>
        public LocalOutcome LocalResult
        {
            get { return (LocalOutcome)_localCode; }
        }

        /// <summary>The reset rules' answer to the latest local <see cref="LocalAction.ResetFault"/> (Ok when accepted).</summary>
        public CommandResultCode LocalResetCode
        {
            get { return (CommandResultCode)_localResetCode; }
        }

        /// <summary>Whether bench actions are allowed (<c>benchMode</c> of the config this pod booted with).</summary>
        public bool BenchMode
        {
            get { return _benchMode; }
        }

        /// <summary>Whether the relay is held closed by a bench action.</summary>
        public bool BenchRelay
        {
            get { return _benchRelay; }
        }

        /// <summary>
        /// Console thread: hands a bench duty for the control pilot to the next tick, in per mille (0: constant -12 V, state
        /// F; 1000: constant +12 V; otherwise a 1 kHz PWM). False when the duty is outside 0..1000 or an earlier action waits.
        /// </summary>
        public bool TryRequestBenchDuty(int dutyPermille)
        {
            return dutyPermille >= 0 && dutyPermille <= 1000 &&
                   Interlocked.CompareExchange(ref _localRequest, (int)LocalAction.BenchEvDuty + dutyPermille, 0) == 0;
        }

        /// <summary>The duty in per mille the bench holds the control pilot at; -1 while the sequencer drives it.</summary>
        public int BenchDutyPermille
        {
            get { return _benchDuty; }
        }

        /// <summary>Whether the pod has a control pilot (<see cref="PodPorts.PilotOutput"/>).</summary>
        public bool HasPilot
        {
            get { return _pilot != null; }
        }

        /// <summary>The state the last CP burst was classified as (F when the CP was not read: the pod drove -12 V). A snapshot.</summary>
        public CpState PilotReading
        {
            get { return _cpReading; }
        }

        /// <summary>Highest raw ADC counts of the last CP burst; -1 before the first burst. A snapshot.</summary>
        public int PilotHighCounts
        {
            get { return _cpHighCounts; }
        }

        /// <summary>Lowest raw ADC counts of the last CP burst; -1 before the first burst. A snapshot.</summary>
        public int PilotLowCounts
        {
            get { return _cpLowCounts; }
        }

        /// <summary>The CP level in V that <paramref name="counts"/> of the CP channel show (<c>CpDivider</c>); NaN without a pilot.</summary>
        public double PilotVolts(int counts)
        {
            return _pilot == null ? double.NaN : CpDivider.CpVolts(counts, _pilotChannelMax);
        }

        /// <summary>Raw ADC counts of the last PP reading; -1 when the PP was not read (no plug, tethered cable, no pilot). A snapshot.</summary>
        public int ProximityCounts
        {
            get { return _ppCounts; }
        }

        /// <summary>The PP coding resistor in Ω that <paramref name="counts"/> show (positive infinity: open); NaN without a PP input.</summary>
        public double ProximityOhms(int counts)
        {
            return _pp == null ? double.NaN : PpDivider.Ohms(counts, _pp.MaxRawCounts);
        }

        /// <summary>Lowest raw counts of the last mains burst's voltage channel (console <c>sensors</c>; a snapshot).</summary>
        public int VoltageMinCounts
        {
            get { return _mains.VoltageBurst.MinRawCounts; }
        }

        /// <summary>Highest raw counts of the last mains burst's voltage channel (a snapshot).</summary>
        public int VoltageMaxCounts
        {
            get { return _mains.VoltageBurst.MaxRawCounts; }
        }

        /// <summary>Lowest raw counts of the last mains burst's current channel (a snapshot).</summary>
        public int CurrentMinCounts
        {
            get { return _mains.CurrentBurst.MinRawCounts; }
        }

        /// <summary>Highest raw counts of the last mains burst's current channel (a snapshot).</summary>
        public int CurrentMaxCounts
        {
            get { return _mains.CurrentBurst.MaxRawCounts; }
        }

        /// <summary>The last raw counts of the connector temperature channel (console <c>sensors</c>; a snapshot).</summary>
        public int TemperatureRawCounts
        {
            get { return _temperature.RawCounts; }
        }

        // Step 8b of the tick, after the verified commands: at most one local action. Allocates nothing.
        private void ApplyLocalAction(long nowMs, bool relayClosed, bool plugged)
        {
            _plugged = plugged;
            int action = Interlocked.Exchange(ref _localRequest, 0);
            if (action == 0)
            {
                return;
            }

            LocalOutcome outcome;
            if (action == (int)LocalAction.ResetFault)
            {
                CommandResultCode code = ResetFault(relayClosed);
                _sessionInputs.FaultLatched = _supervisor.IsLatched;
                _sessionInputs.LatchedFault = _supervisor.LatchedCode;
                _localResetCode = (int)code;
                outcome = code == CommandResultCode.Ok ? LocalOutcome.Ok : LocalOutcome.ResetRefused;
            }
            else
            {
                outcome = ApplyBench((LocalAction)action, nowMs, plugged);
            }

            _localCode = (int)outcome;
            Interlocked.Increment(ref _localDone);
        }

        private LocalOutcome ApplyBench(LocalAction action, long nowMs, bool plugged)
        {
            bool ev = action >= LocalAction.BenchEvRelease;
            if (ev && _pilot == null)
            {
                return LocalOutcome.NoPilot;
            }

            LocalOutcome refusal = BenchRefusal(plugged);
            if (refusal != LocalOutcome.Ok && action != LocalAction.BenchRelayOff && action != LocalAction.BenchEvRelease)
            {
                return refusal;
            }

            if (action >= LocalAction.BenchEvDuty)
            {
                _benchDuty = (int)action - (int)LocalAction.BenchEvDuty;
                return LocalOutcome.Ok;
            }

            switch (action)
            {
                case LocalAction.BenchEvRelease: _benchDuty = -1; break;
                case LocalAction.BenchEvRead: ReadPilotNow(); break;
                case LocalAction.BenchRelayOn: _benchRelay = true; break;
                case LocalAction.BenchRelayOff: _benchRelay = false; break;
                case LocalAction.BenchWheelLock: _locks.Wheel.Command(true, nowMs); break;
                case LocalAction.BenchWheelUnlock: _locks.Wheel.Command(false, nowMs); break;
                case LocalAction.BenchCableLock: _locks.Cable.Command(true, nowMs); break;
                case LocalAction.BenchCableUnlock: _locks.Cable.Command(false, nowMs); break;
                default: return LocalOutcome.NotBenchMode;
            }

            return LocalOutcome.Ok;
        }

        // Why a bench action may not run now (Ok when it may). Charging disabled by a bad config also refuses it.
        private LocalOutcome BenchRefusal(bool plugged)
        {
            if (!_benchMode || _configError != null)
            {
                return LocalOutcome.NotBenchMode;
            }

            if (_session.IsActive)
            {
                return LocalOutcome.SessionActive;
            }

            if (plugged)
            {
                return LocalOutcome.PlugSensed;
            }

            if (_supervisor.IsLatched)
            {
                return LocalOutcome.FaultLatched;
            }

            // No plug means no load: a fault output now is a leak inside the pod or a broken monitor, not the EV's.
            return _rcdFaultActive ? LocalOutcome.ResidualCurrentFault : LocalOutcome.Ok;
        }

        // A fresh CP burst at whatever the CP carries now, and a PP reading whether or not a plug is sensed.
        private void ReadPilotNow()
        {
            ReadCp(_pilotOutput.DutyPermille);
            if (_pp != null)
            {
                _ppCounts = _pp.ReadRawCounts();
            }
        }

        // One CP burst, classified as the sequencer would; the PWM runs for any duty between the constant levels.
        private CpState ReadCp(int duty)
        {
            _cp.Read();
            _cpHighCounts = _cp.HighCounts;
            _cpLowCounts = _cp.LowCounts;
            _cpReading = CpBands.Classify(_cp.HighV, _cp.LowV, duty != PilotSequencer.ConstantLow && duty != PilotSequencer.ConstantHigh);
            return _cpReading;
        }

        // Step 10's pilot term while the bench holds the CP: writes the bench duty and reads the EV's answer (not at -12 V).
        // The sequencer is left alone meanwhile. False (the sequencer drives the CP) without a bench duty, and for good once a
        // bench condition fails.
        private bool BenchPilotHeld()
        {
            if (_benchDuty >= 0 && BenchRefusal(_plugged) != LocalOutcome.Ok)
            {
                _benchDuty = -1;
            }

            if (_benchDuty < 0)
            {
                return false;
            }

            if (_benchDuty != _pilotOutput.DutyPermille)
            {
                _pilotOutput.WriteDutyPermille(_benchDuty);
            }

            if (_benchDuty == PilotSequencer.ConstantLow)
            {
                _cpReading = CpState.F;
            }
            else
            {
                ReadCp(_benchDuty);
            }

            return true;
        }

        // Step 10's bench term: the relay held closed by hand while every bench condition still holds; dropped for good
        // the first tick one fails.
        private bool BenchRelayWanted()
        {
            if (_benchRelay && (BenchRefusal(_plugged) != LocalOutcome.Ok || !_supervisor.RelayPermitted))
            {
                _benchRelay = false;
            }

            return _benchRelay;
        }
    }
}

using System.Threading;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Console;

namespace PodFirmware.Core.Control
{
    /// <summary>
    /// The local (serial console) half of the command path: a technician at the pod hands one action at a time to the
    /// tick (<see cref="TryRequestLocal"/>), as the messaging thread hands it verified commands, and reads the outcome
    /// back (<see cref="LocalDone"/>, <see cref="LocalResult"/>). A local action writes no command-result event (no back
    /// end asked for it); what it changes raises the usual events (a reset's fault_cleared, a relay or lock change).
    /// Bench actions (relay, locks) need <see cref="Config.PodConfig.BenchMode"/> and are refused by the tick itself,
    /// not only by the console, with a plug sensed, a session active or a fault latched; a bench relay closed by
    /// hand opens again as soon as one of those appears.
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
            LocalOutcome refusal = BenchRefusal(plugged);
            if (refusal != LocalOutcome.Ok && action != LocalAction.BenchRelayOff)
            {
                return refusal;
            }

            switch (action)
            {
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

            if (plugged)
            {
                return LocalOutcome.PlugSensed;
            }

            if (_session.IsActive)
            {
                return LocalOutcome.SessionActive;
            }

            return _supervisor.IsLatched ? LocalOutcome.FaultLatched : LocalOutcome.Ok;
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

using System;
using PodFirmware.Core.Events;
using PodFirmware.Core.Json;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Scenarios;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Host.Simulation
{
    /// <summary>
    /// Runs a scenario against a <see cref="VirtualPod"/> in virtual time: at each tick, the steps
    /// due by then are applied, the control tick runs, and every event it raised is handed to
    /// <c>onEvent</c> as one JSON line (the bytes the MQTT side would send).
    /// </summary>
    public sealed class ScenarioRun
    {
        private readonly VirtualPod _pod;
        private readonly VirtualClock _clock;
        private readonly ScenarioStep[] _steps;
        private readonly PodEvent _event = new PodEvent();
        private readonly JsonWriter _json = new JsonWriter(1024);
        private int _next;

        /// <summary>Prepares a run of <paramref name="steps"/> on <paramref name="pod"/>, whose clock must be <paramref name="clock"/>.</summary>
        public ScenarioRun(VirtualPod pod, VirtualClock clock, ScenarioStep[] steps)
        {
            _pod = pod;
            _clock = clock;
            _steps = steps;
        }

        /// <summary>Ticks from the clock's current time up to and including <paramref name="untilMs"/>.</summary>
        /// <param name="untilMs">Last virtual time to run, in ms.</param>
        /// <param name="onEvent">Receives each event as a JSON line, in order.</param>
        public void RunUntil(long untilMs, Action<string> onEvent)
        {
            long periodMs = _pod.Config.TickPeriodMs;
            while (_clock.MonotonicMs <= untilMs)
            {
                while (_next < _steps.Length && _steps[_next].TimeMs <= _clock.MonotonicMs)
                {
                    _pod.Apply(_steps[_next++]);
                }

                _pod.Tick();
                while (_pod.Events.TryTake(_event))
                {
                    _json.Reset();
                    EventJson.Write(_json, _event, _pod.Config.PodId);
                    onEvent(_json.ToString());
                }

                _clock.AdvanceMs(periodMs);
            }
        }
    }
}

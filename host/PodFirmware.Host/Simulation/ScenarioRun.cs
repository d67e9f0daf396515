using System;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Events;
using PodFirmware.Core.Heartbeat;
using PodFirmware.Json;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Scenarios;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Host.Simulation
{
    /// <summary>
    /// Runs a scenario against a <see cref="VirtualPod"/> in virtual time: at each tick, the steps
    /// due by then are applied (commands are signed and sent through the pod's authenticator), the
    /// control tick runs, and every event it raised is handed to <c>onEvent</c> as one JSON line (the
    /// bytes the MQTT side would send on the events topic). A command the authenticator refuses is
    /// answered at once with the refusal the pod would publish on cmd/result.
    /// </summary>
    public sealed class ScenarioRun
    {
        /// <summary>The pod's UTC at virtual time 0 in every simulation, as if SNTP had set it: 2026-01-01T00:00:00Z.</summary>
        public static readonly DateTime StartUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private readonly VirtualPod _pod;
        private readonly VirtualClock _clock;
        private readonly ScenarioStep[] _steps;
        private readonly PodEvent _event = new PodEvent();
        private readonly JsonWriter _json = new JsonWriter(2048);
        private int _next;
        private readonly CardDesk _cards;

        /// <summary>Prepares a run of <paramref name="steps"/> on <paramref name="pod"/>, whose clock must be <paramref name="clock"/>.</summary>
        public ScenarioRun(VirtualPod pod, VirtualClock clock, ScenarioStep[] steps)
        {
            _pod = pod;
            _clock = clock;
            _steps = steps;
            if (pod.Config.Card.Enabled)
            {
                _cards = new CardDesk(pod.Config, pod.CardReader, pod.Controller);
            }
        }

        /// <summary>A fresh virtual pod on a virtual clock at 0 ms with UTC <see cref="StartUtc"/>, ready to run <paramref name="steps"/>.</summary>
        public static ScenarioRun Create(PodConfig config, ScenarioStep[] steps)
        {
            var clock = new VirtualClock();
            clock.SetUtc(StartUtc);
            return new ScenarioRun(new VirtualPod(config, clock), clock, steps);
        }

        /// <summary>The pod under simulation.</summary>
        public VirtualPod Pod => _pod;

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
                    ScenarioStep step = _steps[_next++];
                    if (step.Kind == ScenarioStepKind.Command)
                    {
                        Send(step, onEvent);
                    }
                    else
                    {
                        _pod.Apply(step);
                    }
                }

                PollCard(onEvent);
                _pod.Tick();
                while (_pod.Events.TryTake(_event))
                {
                    _json.Reset();
                    UtcTime utc = _pod.Controller.Utc;
                    EventJson.Write(_json, _event, _pod.Config.PodId, utc.IsValid ? utc.UtcSeconds(_event.TimeMs) : 0);
                    onEvent(_json.ToString());
                }

                _clock.AdvanceMs(periodMs);
            }
        }

        // The card reader as the pump polls it (no broker here): a request for the back end or a refusal is printed as a line;
        // the back end's answer, when a scenario gives one, is a cmd step with the read's id.
        private void PollCard(Action<string> onEvent)
        {
            long now = _clock.MonotonicMs;
            CardAction action = _cards == null ? CardAction.None : _cards.Poll(now, _pod.ControllerUp && !_pod.Controller.Status.ControllerLost);
            _json.Reset();
            if (action == CardAction.Authorize)
            {
                _cards.WriteRequest(_json, _pod.Config, now);
                onEvent("{\"uptimeMs\":" + now + ",\"event\":\"authorize\",\"request\":" + _json.ToString() + "}");
            }
            else if (action == CardAction.Answer)
            {
                CommandResultJson.Write(_json, _cards.ReadId, _cards.Answer, 0);
                onEvent("{\"uptimeMs\":" + now + ",\"event\":\"card_refused\",\"result\":" + _json.ToString() + "}");
            }
        }

        private void Send(ScenarioStep step, Action<string> onEvent)
        {
            CommandIntake intake;
            try
            {
                intake = _pod.SendCommand(step.Text);
            }
            catch (Exception e) when (e is FormatException || e is System.Text.Json.JsonException || e is InvalidOperationException)
            {
                throw new ScenarioException(step.LineNumber, "cmd is not a usable command JSON object: " + e.Message);
            }

            if (intake.Queued)
            {
                return;
            }

            _json.Reset();
            if (intake.Auth == CommandAuthResult.Ok)
            {
                CommandResultJson.Write(_json, intake.Id, CommandResultCode.Busy, 0);
            }
            else
            {
                CommandResultJson.WriteRefused(_json, intake.Id, intake.Auth, intake.Reason);
            }

            onEvent("{\"uptimeMs\":" + _clock.MonotonicMs + ",\"event\":\"command_refused\",\"result\":" + _json.ToString() + "}");
        }
    }
}

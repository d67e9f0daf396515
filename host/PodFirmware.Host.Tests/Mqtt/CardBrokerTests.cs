using System;
using System.Linq;
using System.Text.Json.Nodes;
using PodFirmware.Core.Messaging;
using PodFirmware.Host.Simulation;
using Xunit;

namespace PodFirmware.Host.Tests.Mqtt
{
    /// <summary>
    /// A card at the pod, end to end through a real mosquitto: the demo pod (card reader enabled) publishes an authorisation
    /// request for a tapped card, a simulated back end (<see cref="CardBackEnd"/>) answers it with a signed start or
    /// refuse_card through the broker, and a second tap of the same card stops the session.
    /// </summary>
    public sealed class CardBrokerTests : IDisposable
    {
        private const string DanaUid = "04a1b2c3";

        private readonly LivePodRig _rig = new LivePodRig();
        private readonly CardBackEnd _cards;

        public CardBrokerTests()
        {
            _cards = new CardBackEnd(_rig.Config.Card.HashKeyHex);
            _cards.Add(DanaUid, "driver-dana");
        }

        private VirtualPod Pod => _rig.Pod.Pod;

        private Topics Topics => _rig.Pod.Topics;

        public void Dispose() => _rig.Dispose();

        [Fact]
        public void A_card_starts_a_session_through_the_back_end_and_a_second_tap_of_it_stops_the_session()
        {
            BackEndClient backEnd = _rig.Client(Topics.Authorize, Topics.CommandResult, Topics.Session);
            _rig.StartPod(backEnd);
            Pod.Plug.Value = true;
            Pod.DemandA = 16;

            JsonObject request = TapAndAwaitRequest(backEnd, DanaUid, 0);
            string readId = (string)request["id"];
            Assert.StartsWith("pod-017-card-", readId, StringComparison.Ordinal);
            Assert.Equal(_cards.HashHex(DanaUid), (string)request["card"]);
            Assert.DoesNotContain(DanaUid, request.ToJsonString(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal("Preparing", (string)request["connector"]);
            Assert.True((bool)request["plugged"]);

            _rig.Send(backEnd, _cards.Answer(request.ToJsonString()));
            Assert.Equal("ok", (string)_rig.AwaitResult(backEnd, readId)["code"]);
            _rig.StepUntil(() => Pod.Relay.ContactsClosed, "the relay closes for the card's session");
            Assert.Equal("driver-dana", Pod.Controller.Status.SessionAccount);

            // Away from the reader for longer than card.repeatMs, then tapped again: the pod stops the session itself.
            _rig.Pod.RunFor(_rig.Config.Card.RepeatMs + 1000);
            Pod.CardReader.Tap(Convert.FromHexString(DanaUid));
            _rig.StepUntil(() => backEnd.On(Topics.Session).Count > 0, "the session record", backEnd);
            JsonObject record = backEnd.On(Topics.Session).Single().Json;
            Assert.Equal(readId, (string)record["id"]);
            Assert.Equal("driver-dana", (string)record["account"]);
            Assert.Equal(_cards.HashHex(DanaUid), (string)record["card"]);
            Assert.Equal("stop_command", (string)record["stopReason"]);
            Assert.Single(backEnd.On(Topics.Authorize));
            Assert.False(Pod.Controller.Status.SessionActive);
        }

        [Fact]
        public void An_unknown_card_is_refused_by_the_back_end_and_its_read_gets_the_refusal_result()
        {
            BackEndClient backEnd = _rig.Client(Topics.Authorize, Topics.CommandResult, Topics.Events);
            _rig.StartPod(backEnd);
            Pod.Plug.Value = true;

            JsonObject request = TapAndAwaitRequest(backEnd, "04d5e6f7a8b9c0", 0);
            string answer = _cards.Answer(request.ToJsonString());
            Assert.Contains("\"refuse_card\"", answer, StringComparison.Ordinal);
            _rig.Send(backEnd, answer);

            JsonObject result = _rig.AwaitResult(backEnd, (string)request["id"]);
            Assert.Equal("card_refused", (string)result["code"]);
            _rig.StepUntil(() => backEnd.On(Topics.Events).Any(m => m.Text.Contains("\"card_refused\"", StringComparison.Ordinal)), "the card_refused event", backEnd);
            Assert.Contains(backEnd.On(Topics.Events), m => m.Text.Contains("\"reason\":\"" + CardBackEnd.UnknownCardReason + "\"", StringComparison.Ordinal));
            Assert.False(Pod.Controller.Status.SessionActive);
        }

        private JsonObject TapAndAwaitRequest(BackEndClient backEnd, string uidHex, int before)
        {
            Pod.CardReader.Tap(Convert.FromHexString(uidHex));
            _rig.StepUntil(() => backEnd.On(Topics.Authorize).Count > before, "the authorisation request", backEnd);
            return backEnd.On(Topics.Authorize)[before].Json;
        }
    }
}

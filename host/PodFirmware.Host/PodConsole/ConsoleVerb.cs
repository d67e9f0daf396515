using System;
using System.CommandLine;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using PodFirmware.Host.Configuration;

namespace PodFirmware.Host.PodConsole
{
    /// <summary>
    /// <c>./pod console [--pod ID] [--socket PATH]</c>: attaches stdin/stdout to the serial console of a pod that
    /// <c>./pod run</c> is running (its <see cref="ConsoleServer"/> socket), beside the live view. Ends when stdin ends
    /// (after the answer to a last action) or the run stops.
    /// </summary>
    public static class ConsoleVerb
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create()
        {
            var pod = new Option<string>("--pod") { Description = "Id of the pod ./pod run serves (default: the podId of nf-device-config/pods/pod-demo.json)." };
            var socket = new Option<string>("--socket") { Description = "The console socket itself (default: pod-ID.console in the temporary directory)." };
            var command = new Command("console", "Attach to the serial console of a pod ./pod run is running (type help); ends with stdin.");
            command.Options.Add(pod);
            command.Options.Add(socket);
            command.SetAction(parse =>
            {
                string path = parse.GetValue(socket);
                if (string.IsNullOrEmpty(path))
                {
                    string id = parse.GetValue(pod);
                    if (string.IsNullOrEmpty(id))
                    {
                        try
                        {
                            id = ConfigFile.Load(Path.Combine(Program.RepoRoot(), "nf-device-config", "pods", "pod-demo.json")).PodId;
                        }
                        catch (ConfigFileException e)
                        {
                            Console.Error.WriteLine("pod console: give --pod ID (" + e.Message + ")");
                            return 2;
                        }
                    }

                    path = ConsoleServer.DefaultPath(id);
                }

                using Stream stdout = Console.OpenStandardOutput();
                return Run(path, Console.OpenStandardInput(), stdout, Console.Error);
            });
            return command;
        }

        /// <summary>
        /// Copies <paramref name="input"/> to the console on <paramref name="path"/> and its answers to <paramref name="output"/>
        /// until the input ends; returns 0, or 2 (one line on <paramref name="error"/>) when no pod serves that socket.
        /// </summary>
        public static int Run(string path, Stream input, Stream output, TextWriter error)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(path));
            }
            catch (SocketException)
            {
                socket.Dispose();
                error.WriteLine("pod console: no running pod serves " + path + "; start one with ./pod run (without --console)");
                return 2;
            }

            using var stream = new NetworkStream(socket, true);
            var answers = new Thread(() =>
            {
                try
                {
                    var buffer = new byte[1024];
                    int read;
                    while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        output.Write(buffer, 0, read);
                        output.Flush();
                    }
                }
                catch (Exception e) when (e is IOException || e is ObjectDisposedException)
                {
                }
            }) { IsBackground = true, Name = "console-answers" };
            answers.Start();
            try
            {
                input.CopyTo(stream);
                // The pod's console ends at the end of its input, after answering a last action.
                socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is IOException || e is SocketException)
            {
            }

            answers.Join();
            return 0;
        }
    }
}

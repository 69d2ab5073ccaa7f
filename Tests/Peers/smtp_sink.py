"""A real SMTP server on loopback for the mail tests (aiosmtpd).

Usage: smtp_sink.py FOLDER
Listens on a free port of 127.0.0.1, writes the port to FOLDER/port once it accepts connections,
and writes every message it receives to FOLDER/NNNN.eml with its envelope recipients in
FOLDER/NNNN.rcpt (one per line). Runs until it is sent SIGTERM or SIGINT.
"""
import os
import signal
import socket
import sys
import threading

from aiosmtpd.controller import Controller

folder = sys.argv[1]
lock = threading.Lock()


class Sink:
    count = 0

    async def handle_DATA(self, server, session, envelope):
        with lock:
            Sink.count += 1
            name = os.path.join(folder, "%04d" % Sink.count)
        with open(name + ".rcpt.tmp", "w") as f:
            f.write("\n".join(envelope.rcpt_tos) + "\n")
        with open(name + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(name + ".rcpt.tmp", name + ".rcpt")
        os.rename(name + ".eml.tmp", name + ".eml")
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


port = free_port()
controller = Controller(Sink(), hostname="127.0.0.1", port=port)
controller.start()
with open(os.path.join(folder, "port.tmp"), "w") as f:
    f.write(str(port))
os.rename(os.path.join(folder, "port.tmp"), os.path.join(folder, "port"))
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
signal.signal(signal.SIGINT, lambda *_: stop.set())
stop.wait()
controller.stop()

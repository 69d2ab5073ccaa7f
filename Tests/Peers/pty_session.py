#!/usr/bin/env python3
"""Runs a command on a real pseudo-terminal (Python's pty module, no package needed) and answers
a prompt as a person at the keyboard would.

    pty_session.py --prompt TEXT --answer TEXT [--timeout SECONDS] -- COMMAND [ARG]...

Every time TEXT appears in what the command writes (standard output and standard error share
the terminal), ANSWER and a newline are typed. The command's standard input, output and error
are the terminal, so it sees isatty(0). Prints one JSON object: the exit status (or -signal),
how many times the prompt was answered, and the transcript (carriage returns removed).
Exit 0 when the command ran (whatever its status), 1 on a timeout, 2 on a bad command line.
"""
import argparse
import json
import os
import pty
import select
import signal
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--prompt", required=True)
    parser.add_argument("--answer", required=True)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command")
        return 2
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    transcript = b""
    searched = 0
    answered = 0
    deadline = time.monotonic() + args.timeout
    prompt = args.prompt.encode()
    timed_out = False
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            os.kill(pid, signal.SIGKILL)
            break
        ready, _, _ = select.select([fd], [], [], min(left, 0.5))
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the command ended and closed the terminal
            break
        if not chunk:
            break
        transcript += chunk
        found = transcript.find(prompt, searched)
        if found >= 0:
            searched = found + len(prompt)
            os.write(fd, args.answer.encode() + b"\n")
            answered += 1
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
    text = transcript.decode("utf-8", "replace").replace("\r", "")
    json.dump({"status": code, "answered": answered, "timedOut": timed_out, "transcript": text}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 1 if timed_out else 0


if __name__ == "__main__":
    sys.exit(main())

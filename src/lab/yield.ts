/**
 * Gives the browser a turn (input, painting) between slices of a long command. A MessageChannel
 * message runs as a new task without setTimeout's 4 ms clamp on nested timers.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

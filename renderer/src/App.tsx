/** The application shell; pages arrive with the hosts/UI issue. */
export function App() {
  return (
    <main>
      <h1>Smart Resize Desktop</h1>
    </main>
  );
}

/** Any unknown path: the root error boundary renders the app's 404 page. */
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

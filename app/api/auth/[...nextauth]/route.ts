import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { withSafeCallbackUrl } from "@/lib/auth/redirects";

// A crafted callbackUrl (a newline, another host) is made safe before Auth.js sees it.
export const GET = (request: NextRequest) => handlers.GET(new NextRequest(withSafeCallbackUrl(request)));
export const POST = (request: NextRequest) => handlers.POST(new NextRequest(withSafeCallbackUrl(request)));
